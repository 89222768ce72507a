/**
 * Sentence splitting: wink-nlp proposes boundaries (it knows "U.S.", "Jan.", "Sen.", "a.m." far better than
 * Intl.Segmenter), then a second look repairs what it gets wrong. One left-to-right pass, linear in the text.
 *
 * Rules, in order, for each place a sentence could end (. ! ? … plus any closing quotes or brackets, then space):
 * 1. Never inside a quotation or parenthesis that closes later in the same text, so a quote stays whole
 *    with its attribution: `"We heard a crack. Then silence," he said.` is one sentence. A quotation left open
 *    (the convention for quotes running on into the next paragraph) or longer than MAX_HELD_SPAN holds nothing.
 * 2. Never before a lower-case word: `"Who did this?" he asked.`, `$3.2 bn. in 2024`.
 * 3. ? and ! end a sentence; an ellipsis ends one only before a sentence-opening word or a new quotation.
 * 4. After a title (Dr., Gov., Sen., Mr., Ft. before a name) never; after No./Vol./p. or a month before a
 *    number never; after an initial (J. R. Hollis) only before a sentence-opening word.
 * 5. After an abbreviation that may also end a sentence (U.S., D.C., Inc., St., Ore.) only before a
 *    sentence-opening word ("The", "He", "In"…), a new quotation, or where wink-nlp put a boundary;
 *    after a.m./p.m. also before any capitalised word that is not a day, month or time zone.
 * 6. After any other word, before a capital, a digit or an opening quote — wink-nlp decides for short
 *    all-letter words it may know as abbreviations.
 */
import type { Document, Sentence } from '../model/source.js';
import { nlp, winkText } from './nlp.js';

/** A quotation or parenthesis longer than this does not hold sentences together (it is probably unbalanced). */
export const MAX_HELD_SPAN = 600;

const TITLES = new Set(
  ('mr mrs ms mx dr prof sen sens rep reps gov govs gen adm capt lt col sgt cpl maj cmdr cdr rev hon pres supt det ' +
    'insp fr ft mt messrs mmes atty brig pvt amb sec lieut').split(' '),
);
const NUMBER_PREFIXES = new Set('no nos vol vols fig figs p pp art arts ch chap para op ed eds pt nr approx ca c est tel'.split(' '));
const MONTHS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
const AMBIGUOUS = new Set(
  ('inc co corp ltd llc plc jr sr bros st ave blvd rd dept univ assn govt intl natl etc al ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa ' +
    'tenn tex va vt wash wis wyo').split(' '),
);
/** Words that open sentences far more often than they continue a name: "…the U.S. The embassy…". */
const OPENERS = new Set(
  ('the a an he she it they we i you his her its their our my your this that these those there then but and or so yet ' +
    'in on at for if when while after before as with by from to of no not one some many most all both each every such ' +
    'what who which where why how however meanwhile also still now later earlier last since although though because ' +
    'until during despite under over about according mr mrs ms dr').split(' '),
);
/** Capitalised words that continue a time of day: "5 p.m. Friday", "9 a.m. GMT". */
const TIME_FOLLOWERS =
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|[A-Z]{1,3}T|GMT|UTC|Eastern|Central|Pacific|Mountain|Atlantic|local)\b/;

/** A possible sentence end: terminal punctuation, then closing quotes or brackets, then whitespace. */
const CANDIDATE = /[.!?…]+["'”’»)\]]*(?=\s)/g;
const CLOSERS = /^["'”’»)\]]+/;

/** Split text into sentences; blank lines always separate sentences. Output strings are trimmed substrings of the input. */
export function splitSentences(text: string): string[] {
  return text.split(/\n[ \t]*\n/).flatMap(splitChunk);
}

/** The sentences of every paragraph of a document, addressed by source id, paragraph and 1-based index. */
export function sentencesOf(doc: Document): Sentence[] {
  return doc.paragraphs.flatMap((p) =>
    splitSentences(p.text).map((text, i) => ({ source: doc.source.id, paragraph: p.index, index: i + 1, text })),
  );
}

function splitChunk(chunk: string): string[] {
  if (chunk.trim().length === 0) return [];
  const winkCuts = winkBoundaries(chunk);
  const cuts = new Set(winkCuts);
  for (const m of chunk.matchAll(CANDIDATE)) cuts.add(m.index + m[0].length);
  const ordered = [...cuts].sort((a, b) => a - b);
  const held = heldSpans(chunk);

  const sentences: string[] = [];
  let start = 0;
  let span = 0;
  for (const cut of ordered) {
    while (span < held.length && held[span]!.end < cut) span++;
    const inside = span < held.length && held[span]!.start < cut;
    if (inside || !isBoundary(chunk, cut, winkCuts.has(cut))) continue;
    pushTrimmed(sentences, chunk.slice(start, cut));
    start = cut;
  }
  pushTrimmed(sentences, chunk.slice(start));
  return sentences;
}

function pushTrimmed(out: string[], text: string): void {
  const t = text.trim();
  if (t.length > 0) out.push(t);
}

/**
 * Where wink-nlp ends sentences, as offsets just past the terminal punctuation and any closing quotes. Cuts not
 * followed by whitespace ("Ph.|D.") are discarded: a sentence never ends inside a word.
 */
function winkBoundaries(chunk: string): Set<number> {
  const found = new Set<number>();
  let cursor = 0;
  const shown = winkText(chunk);
  for (const sentence of nlp().readDoc(shown).sentences().out()) {
    const at = shown.indexOf(sentence, cursor);
    if (at < 0) continue;
    let end = at + sentence.length;
    cursor = end;
    end += CLOSERS.exec(chunk.slice(end, end + 4))?.[0].length ?? 0;
    if (end < chunk.length && /\s/.test(chunk[end]!) && /[.!?…]["'”’»)\]]*$/.test(chunk.slice(Math.max(0, end - 6), end))) {
      found.add(end);
    }
  }
  return found;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Quotations and parentheses that close within MAX_HELD_SPAN characters, merged into disjoint spans in text
 * order (start = opening mark, end = closing mark). Straight quotes pair by position: an opening one follows
 * a space or bracket, a closing one precedes a space or punctuation.
 */
function heldSpans(text: string): Span[] {
  const spans: Span[] = [];
  const hold = (start: number, end: number): void => {
    if (end - start <= MAX_HELD_SPAN) spans.push({ start, end });
  };
  let double = -1;
  let single = -1;
  const parens: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const before = i === 0 ? ' ' : text[i - 1]!;
    const after = text[i + 1] ?? ' ';
    if (c === '“' || c === '«') double = i;
    else if (c === '”' || c === '»') {
      if (double >= 0) hold(double, i);
      double = -1;
    } else if (c === '"') {
      const opening = /[\s([{—–-]/.test(before) && !/\s/.test(after);
      if (double >= 0 && !opening) hold(double, i);
      double = opening ? i : -1;
    } else if (c === '‘' && /[\s([{“"—–-]/.test(before)) single = i;
    else if (c === '’' && single >= 0 && !/\p{L}/u.test(after)) {
      hold(single, i);
      single = -1;
    } else if (c === '(' || c === '[') parens.push(i);
    else if (c === ')' || c === ']') {
      const open = parens.pop();
      if (open !== undefined) hold(open, i);
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Rules 2–6 (see the module comment) for a cut at offset `cut`, which is followed by whitespace. */
function isBoundary(text: string, cut: number, winkSaid: boolean): boolean {
  const rest = /^\s+(\S+)/.exec(text.slice(cut, cut + 80));
  if (!rest) return false;
  const nextRaw = rest[1]!;
  const opensQuote = /^["'“‘(\[«]/.test(nextRaw);
  const next = nextRaw.replace(/^["'“‘(\[«]+/, '');
  if (!/^[\p{Lu}\p{N}]/u.test(next) && !opensQuote) return false;
  const nextIsInitial = /^\p{Lu}\.$/u.test(next);
  const opener = !nextIsInitial && OPENERS.has(next.replace(/[^\p{L}]+$/u, '').toLowerCase());
  const nextIsNumber = /^\p{N}/u.test(next);

  const head = text.slice(Math.max(0, cut - 40), cut).replace(/["'”’»)\]]+$/, '');
  if (/[?!]$/.test(head)) return true;
  if (/(?:…|\.\s?\.\s?\.)$/.test(head)) return opener || opensQuote || winkSaid;

  const token = (/(\S+)\.$/.exec(head)?.[1] ?? '').replace(/^["'“‘(\[«]+/, '');
  const bare = token.toLowerCase();
  if (TITLES.has(bare)) return false;
  if ((NUMBER_PREFIXES.has(bare) || MONTHS.has(bare)) && nextIsNumber) return false;
  if (/^\p{Lu}$/u.test(token)) return opener || opensQuote;
  if (/^[ap]\.m$/i.test(token)) return opener || opensQuote || winkSaid || (!nextIsNumber && !TIME_FOLLOWERS.test(next));
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token) || AMBIGUOUS.has(bare) || MONTHS.has(bare) || NUMBER_PREFIXES.has(bare)) {
    return opener || opensQuote || winkSaid;
  }
  // Short all-letter words may be abbreviations wink-nlp knows ("Gen.", "Sgt."); longer words and numbers end sentences.
  if (/^\p{L}{1,4}$/u.test(token)) return winkSaid || opener || opensQuote;
  return true;
}
