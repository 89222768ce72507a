/**
 * A source's headline as the brief's title: without the outlet's name around it ("Headline | Outlet",
 * "Outlet - Headline"), without section labels and kickers ("LIVE:", "Analysis |", "UPDATE 2-") and without
 * generic tails ("…: what we know so far", "… – live updates"). Readers already split off an outlet suffix they
 * could recognise; a headline given in metadata, front matter or a news-API list may still carry one.
 */
import { wordCount } from '../corpus.js';

/** Separators sites put between a headline and their name or section. */
const SEPARATOR = /\s+(?:\||-|–|—|::|·|•)\s+/g;
/** Words that end a publication's name ("Northgate News", "Harbour Gazette"): a dash before one is a suffix. */
const MASTHEAD_WORDS = new Set(
  'news times post herald gazette tribune journal echo guardian telegraph mail express standard chronicle observer record star sun mirror independent wire online today daily weekly review press courier bulletin dispatch'.split(' '),
);
/** Section labels and kickers that open or close a headline without being part of it. */
const LABELS = new Set(
  `live watch video videos photos pictures analysis opinion comment editorial explainer explained exclusive breaking update
  updated factbox factcheck insight focus interview podcast profile obituary review revealed latest timeline column
  view views letters business politics news`.split(/\s+/),
);
/** Tails that label the article's form, not the story ("what we know so far", "live updates", "in pictures"). */
const GENERIC_TAIL =
  /(?:\s+[|–—-]\s+|\s*:\s*|\s*[(\[])(?:what (?:we|you) (?:know|need to know)(?: so far| now)?|everything (?:we|you) (?:know|need to know)|live(?: updates?| blog| coverage)?|latest(?: news| updates?)?|as it happened|in pictures|in photos|explained|key facts|(?:watch|video|photos|pictures))[\])]?\s*$/i;

/** The headline cleaned for a title; `outlets` are the names (and site host names) the sources go by. */
export function cleanHeadline(headline: string, outlets: string[]): string {
  let text = headline.replace(/\s+/g, ' ').trim().replace(/^["“](.*)["”]$/u, '$1');
  for (let changed = true; changed; ) {
    const before = text;
    text = dropOutletParts(text, outlets);
    text = dropKicker(text);
    text = text.replace(GENERIC_TAIL, '').trim();
    changed = text !== before;
  }
  return text.replace(/[\s.,;:\-–—]+$/u, '');
}

/** Drop a leading or trailing part that names an outlet, a section, or (after " | ") is short enough to be one. */
function dropOutletParts(text: string, outlets: string[]): string {
  const seps = [...text.matchAll(SEPARATOR)];
  const first = seps[0];
  const last = seps.at(-1);
  if (!first || !last || first.index === undefined || last.index === undefined) return text;
  const head = text.slice(0, first.index).trim();
  const afterHead = text.slice(first.index + first[0].length).trim();
  const tail = text.slice(last.index + last[0].length).trim();
  const beforeTail = text.slice(0, last.index).trim();
  if (wordCount(beforeTail) >= 3 && isNameOrLabel(tail, outlets, last[0].trim() === '|')) return beforeTail;
  if (wordCount(afterHead) >= 3 && isNameOrLabel(head, outlets, first[0].trim() === '|')) return afterHead;
  return text;
}

/** An outlet name, a host name, a section label, or (beside a pipe, which headlines do not use) any short part. */
function isNameOrLabel(part: string, outlets: string[], pipe: boolean): boolean {
  const key = nameKey(part);
  if (key === '') return false;
  if (outlets.some((o) => nameKey(o) === key)) return true;
  if (LABELS.has(part.toLowerCase())) return true;
  const words = part.split(/\s+/);
  const lastWord = words.at(-1)?.toLowerCase() ?? '';
  if (words.length <= 4 && words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w)) && MASTHEAD_WORDS.has(lastWord)) return true;
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z]{2,})+$/i.test(part)) return true;
  return pipe && words.length <= 5;
}

/** "LIVE: …", "Analysis: …", "EXCLUSIVE-…", "UPDATE 2-…": a label in front of the headline. */
function dropKicker(text: string): string {
  const m = /^([\p{L}&]+(?: [\p{L}&]+)?(?: \d+)?)\s*(?::|-(?=\S)|\|)\s*(?=\S)/u.exec(text);
  if (!m?.[1]) return text;
  const label = m[1];
  // Only known labels: a topic in front ("Harbour fire: …", "NHS: …") is part of the headline.
  const isLabel = LABELS.has(label.toLowerCase().replace(/ \d+$/, ''));
  const rest = text.slice(m[0].length);
  return isLabel && wordCount(rest) >= 3 ? rest : text;
}

/** Names compared without case, punctuation, a leading "The" or a host name's "www." and domain ending. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?www\./, '')
    .replace(/\.(?:com|org|net|co\.uk|co|uk|news|info|gov|int)(?:\/.*)?$/, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
