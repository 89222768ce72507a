/**
 * The table of boilerplate rules: each a named entry (id, description, test) so every drop can say which rule
 * made it. Rules judge a block's shape — length, position, closing punctuation, leading keyword — never a
 * single word, so "the company said in its newsletter…" is kept while "Sign up to our newsletter" goes.
 */
import type { Block } from '../model/source.js';
import {
  bareWord,
  DATE_STAMP,
  endsLikeSentence,
  HAS_TIME_WORD,
  hasNoWords,
  TRAILING_CAPTION_DATE,
  WEEKDAY_CAPTION_DATE,
  wordsOf,
} from './shape.js';
import {
  ADVERT,
  BYLINE_START,
  BYLINE_WORDS,
  CAPTION_PREFIX,
  COPYRIGHT_START,
  CREDIT_NOTE,
  CREDIT_START,
  CREDIT_WORDS,
  CREDIT_TAIL,
  EDITOR_NOTE,
  GALLERY_CONTROL,
  GOT_A_STORY,
  LINK_TAG,
  NAV_PHRASE,
  NAV_WORDS,
  PAYWALL,
  PROMO_OBJECT,
  PROMO_VERB_START,
  READER_ADDRESS,
  RELATED_STRONG,
  RELATED_WEAK,
  SHORTCODE,
  SITE_NOTICE,
  SOCIAL_EMBED,
  TAGS_START,
  TIMESTAMP_START,
} from './patterns.js';

/** What a rule sees: the block, its normalised one-line text, and its neighbours. */
export interface BlockContext {
  block: Block;
  /** Normalised, single-line text of the block. */
  text: string;
  /** Number of words in `text`. */
  words: number;
  /** Normalised text of the next block, '' when there is none. */
  next: string;
  /** Fewer than half the lines of this source are in capitals, so one that is is a promotion, not the house style. */
  capsAreRare: boolean;
}

/** One named rule of the table below. */
export interface BoilerplateRule {
  id: string;
  /** What the block was, as a noun phrase a warning can use: "Dropped <description> (rule <id>)." */
  description: string;
  test: (ctx: BlockContext) => boolean;
}

/** Blocks longer than this are prose, whatever keyword they open with. */
const SHORT = 40;

/** The rules, in the order they are tried; the first that matches names the reason. */
export const boilerplateRules: readonly BoilerplateRule[] = [
  {
    // "." or "* * *" between paragraphs.
    id: 'no-words',
    description: 'a block with no letters or digits',
    test: ({ text }) => hasNoWords(text),
  },
  {
    // <figcaption>Smoke over the harbour on Friday.</figcaption>
    id: 'caption',
    description: 'picture caption',
    test: ({ block, text }) => block.role === 'caption' || CAPTION_PREFIX.test(text),
  },
  {
    // "Image 1 of 23", "Hide caption": the controls of a picture gallery.
    id: 'gallery-control',
    description: 'picture-gallery counter or caption switch',
    test: ({ text }) => GALLERY_CONTROL.test(text),
  },
  {
    // "Jane Roe/Agency Photo", "Flames at the depot. Picture: Reader", "(Photo: Wire)".
    id: 'photo-credit',
    description: 'photo credit, alone or at the end of a caption',
    test: ({ text, words }) => words <= SHORT && !endsLikeSentence(text) && CREDIT_TAIL.some((re) => re.test(text)),
  },
  {
    // "Read the full story on Example News", "This story originally appeared in The Gazette."
    id: 'read-original',
    description: 'syndication or editor note',
    test: ({ text, words }) =>
      words <= SHORT &&
      (/^read the (?:original|full) (?:article|story|report)\b/i.test(text) ||
        /^this (?:article|story|report|piece) (?:was )?(?:originally|first) (?:appeared|published|ran)\b/i.test(text) ||
        /^(?:originally|first) (?:published|appeared) (?:on|in|at|by)\b/i.test(text) ||
        EDITOR_NOTE.test(text)),
  },
  {
    // "Also read: Why the bridge closed", "Read more: A history of the quay", "More on this topic", "Related".
    id: 'related-links',
    description: 'link to other articles',
    test: ({ text, words }) =>
      (words <= SHORT && RELATED_STRONG.test(text)) ||
      (words <= 20 && !endsLikeSentence(text) && RELATED_WEAK.test(text)) ||
      (words <= 60 && (text.match(LINK_TAG)?.length ?? 0) >= 2),
  },
  {
    // "Sign up to our morning newsletter", "Follow us on Instagram", "Have a news tip? Message us".
    id: 'promo',
    description: 'share, follow, newsletter, podcast, app or tip-line promotion',
    test: ({ text, words }) =>
      words <= SHORT &&
      (GOT_A_STORY.test(text) ||
        (PROMO_VERB_START.test(text) && PROMO_OBJECT.test(text)) ||
        (READER_ADDRESS.test(text) && PROMO_OBJECT.test(text) && /\b(?:sign(?:-| )?up|subscribe|download|follow)\b/i.test(text)) ||
        /^(?:e-?mail|twitter|x|instagram|phone|tel|whatsapp)\s*:\s*\S+$/i.test(text)),
  },
  {
    // "You have one free story left. Subscribe now." "We use cookies to improve your visit."
    id: 'paywall-cookie',
    description: 'paywall, login or cookie notice addressed to the reader',
    test: ({ text, words }) =>
      words <= 50 &&
      PAYWALL.test(text) &&
      (READER_ADDRESS.test(text) || /^(?:subscribe|log ?in|sign ?in|register|already|continue reading|become)\b/i.test(text)),
  },
  {
    // "This slideshow requires JavaScript.", "This post may contain affiliate links."
    id: 'site-notice',
    description: 'note about the page (JavaScript, affiliate links)',
    test: ({ text, words }) => words <= SHORT && SITE_NOTICE.test(text),
  },
  {
    // "[button link=…]Send us your review[/button]": a CMS shortcode its site failed to render.
    id: 'shortcode',
    description: 'unrendered CMS shortcode',
    test: ({ text }) => SHORTCODE.test(text),
  },
  {
    // A link printed on its own: no sentence of the story is a bare address.
    id: 'bare-url',
    description: 'a bare web address',
    test: ({ text }) => /^(?:https?:\/\/|www\.)\S+$/i.test(text),
  },
  {
    // "GET THE APP BY CLICKING HERE", "STAR 'PROUD' OF HIS TEAM": promoted headlines and calls to action.
    id: 'capitals',
    description: 'a line in capitals (promoted headline or call to action)',
    test: ({ block, text, words, capsAreRare }) => capsAreRare && block.role !== 'heading' && words >= 5 && words <= SHORT && isCapitals(text),
  },
  {
    // "Advertisement", "Story continues below advertisement".
    id: 'advert',
    description: 'advertisement placeholder',
    test: ({ text }) => ADVERT.test(text),
  },
  {
    // "Tags: energy, courts, privacy", "Topics: Health".
    id: 'tags',
    description: 'tag or topic list',
    test: ({ text, words }) => words <= 60 && TAGS_START.test(text),
  },
  {
    // "By Jane Doe and Sam Roe", "By Metro Desk staff", "Words by Ann Lee | Chief Reporter".
    id: 'byline',
    description: 'byline',
    test: ({ text, words }) => words <= 14 && isByline(text),
  },
  {
    // "Published Tuesday, May 6, 2025", "Updated 3 hours ago", "5 min read", "Friday 7 March 2025 10:05 GMT".
    id: 'timestamp',
    description: 'publication timestamp or reading time',
    test: ({ text, words }) =>
      words <= 16 &&
      ((TIMESTAMP_START.test(text) && HAS_TIME_WORD.test(text) && !/[.!?]$/.test(text.replace(/[ap]\.m\.$/i, ''))) ||
        /^\d+\s*-?\s*min(?:ute)?s?\.?\s+(?:read|listen|watch)$/i.test(text) ||
        /^(?:estimated )?read(?:ing)? time\s*:/i.test(text) ||
        DATE_STAMP.test(text)),
  },
  {
    // "© Example Media 2024", "Copyright 2025 Example Corp.", "All rights reserved."
    id: 'copyright',
    description: 'copyright line',
    test: ({ text, words }) =>
      words <= SHORT &&
      (COPYRIGHT_START.test(text) ||
        text.includes('©') ||
        /\ball rights reserved\.?$/i.test(text) ||
        /^this material may not be (?:published|reproduced|broadcast)/i.test(text)),
  },
  {
    // "(Reporting by Ann Lee; Editing by Tom Roe)", "Additional reporting by Sam Poe", "AP contributed to this report."
    id: 'credits',
    description: 'reporting or editing credit line',
    test: ({ text, words }) => words <= SHORT && (isCreditList(text) || CREDIT_NOTE.some((re) => re.test(text))),
  },
  {
    // "— Ann Lee (@annlee) March 7, 2025", "pic.twitter.com/abc123".
    id: 'social-embed',
    description: 'trailer of an embedded social-media post',
    test: ({ text, words }) => words <= SHORT && SOCIAL_EMBED.test(text),
  },
  {
    // "Home | News | Local", "Home News Jobs", "Skip to content", "Share Tweet Email".
    id: 'navigation',
    description: 'site navigation or share bar',
    test: ({ text }) => isNavigation(text),
  },
  {
    // "A man crosses the square in Lisbon, Portugal, Friday, March 7, 2025" — the picture's description;
    // the next block often repeats it with the credit appended.
    id: 'caption-dated',
    description: 'picture description: no closing punctuation, ends with a date or is repeated with a credit',
    // Tried last: a list item or headline may end with a date; only the weekday-and-date form captions use,
    // or the repeat, counts for those.
    test: ({ block, text, words, next }) =>
      words >= 4 &&
      words <= 60 &&
      !endsLikeSentence(text) &&
      (isRepeatedWithCredit(text, next) ||
        (block.role === 'heading' || block.role === 'list-item'
          ? WEEKDAY_CAPTION_DATE.test(text)
          : TRAILING_CAPTION_DATE.test(text))),
  },
];

/** The next block is this one plus a short unpunctuated tail: "…Friday, March 7, 2025Ann Lee/Agency". */
function isRepeatedWithCredit(text: string, next: string): boolean {
  if (next.length <= text.length || !next.startsWith(text)) return false;
  const tail = next.slice(text.length);
  return wordsOf(tail).length <= 8 && !endsLikeSentence(tail);
}

/** "By" + a name-shaped tail: capitalised words, "and", staff titles, dates; no sentence punctuation. */
function isByline(text: string): boolean {
  const m = BYLINE_START.exec(text);
  if (!m) return false;
  const tail = text.slice(m[0].length);
  // A trailing full stop is allowed only after an initial or abbreviation ("By Ann Lee Jr.").
  if (/[!?]$/.test(tail) || (/\.$/.test(tail) && !/(?:^|\s)(?:\p{Lu}|Jr|Sr)\.$/u.test(tail))) return false;
  // A lone hyphen separates too: "By Ann Lee - 11/18/19 11:04 PM".
  const words = tail.split(/[\s,|/·•–—]+/).filter((w) => w.length > 0 && w !== '-');
  if (words.length === 0 || !words.some((w) => /^\p{Lu}/u.test(w))) return false;
  return words.every((w) => /^[\p{Lu}\d@]/u.test(w) || BYLINE_WORDS.has(bareWord(w)) || /\S@\S/.test(w));
}

/** "(Reporting by Ann Lee in Oslo; Editing by Tom Roe)": a credit opening followed by names, not by prose. */
function isCreditList(text: string): boolean {
  const m = CREDIT_START.exec(text);
  if (!m) return false;
  const words = text.slice(m[0].length).split(/[\s,;|/()[\]·•–—]+/).filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => /^[\p{Lu}\d@]/u.test(w) || CREDIT_WORDS.has(bareWord(w)));
}

/** Letters all in capitals, enough of them to be a line and not an acronym, and no figures. */
export function isCapitals(text: string): boolean {
  // Digits make it data (a ticker row, a score line), not a slogan.
  return !/[\p{Ll}\p{N}]/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 12;
}

/** A few menu words and separators, and nothing else. */
function isNavigation(text: string): boolean {
  if (NAV_PHRASE.test(text)) return true;
  if (endsLikeSentence(text)) return false;
  const items = text.split(/\s*[|›»>•·]\s*/).filter((s) => s.length > 0);
  // A breadcrumb: three or more short items between separators ("Home › World › Europe").
  if (items.length >= 3 && items.every((s) => wordsOf(s).length <= 3)) return true;
  const words = text.split(/[\s|›»>•·/,]+/).filter((w) => w.length > 0);
  return words.length > 0 && words.length <= 8 && words.every((w) => NAV_WORDS.has(bareWord(w)));
}
