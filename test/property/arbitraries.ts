/**
 * Generators for the property tests, nasty on purpose: realistic article structure (headlines, bylines,
 * datelines, quoted speech, dates, HTML pages, Markdown with front matter, JSON article lists) shot through
 * with hostile pieces — combining marks alone and stacked, lone surrogates, controls, private-use and
 * non-characters, bidi controls, RTL and CJK text, emoji sequences, very long words — and, at the byte
 * level, invalid UTF-8, BOMs, UTF-16, NUL bytes and truncation.
 *
 * Each generator shrinks towards a small, readable case: lists towards fewer items, pieces towards the
 * first of their alternatives (the plain ones come first), numbers towards small ones.
 */
import fc from 'fast-check';
import type { Block, BlockRole, Source, SourceFormat, SourceMeta } from '../../src/model/source.js';
import { SCHEMA_VERSION, type Briefing, type ChangeSet, type DateSpan, type Evidence, type Granularity, type Origin, type QuestionKind } from '../../src/model/briefing.js';
import { withOrigins } from '../../src/analyze/origins.js';
import { withSupport } from '../../src/analyze/support.js';

const cp = (n: number): string => String.fromCodePoint(n);

/**
 * `arbitrary`'s value in about `share` of the cases, else `none` — which is also where shrinking goes.
 * (fc.option's `freq` sets the share of the nil value instead, and cannot make it the common case.)
 */
export function sometimes<T>(arbitrary: fc.Arbitrary<T>, share: number): fc.Arbitrary<T | null> {
  const weight = Math.max(1, Math.round(1 / share) - 1);
  return fc.oneof({ withCrossShrink: true }, { weight, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

/** Like `sometimes`, with undefined for an optional field. */
export function maybe<T>(arbitrary: fc.Arbitrary<T>, share: number): fc.Arbitrary<T | undefined> {
  return sometimes(arbitrary, share).map((v) => (v === null ? undefined : v));
}

// ───────────────────────────── hostile pieces ─────────────────────────────

/** One combining mark: diacritics, the overlay U+0334, marks for symbols, extended and supplement blocks, half marks. */
export const combiningMark = fc
  .oneof(
    fc.integer({ min: 0x0300, max: 0x036f }),
    fc.constant(0x0334),
    fc.integer({ min: 0x20d0, max: 0x20ff }),
    fc.integer({ min: 0x1ab0, max: 0x1aff }),
    fc.integer({ min: 0x1dc0, max: 0x1dff }),
    fc.integer({ min: 0xfe20, max: 0xfe2f }),
  )
  .map(cp);

/** One to fifty combining marks in a row (a Zalgo stack). */
export const markStack = fc.array(combiningMark, { minLength: 1, maxLength: 50 }).map((m) => m.join(''));

/** What a stack of marks may sit on: nothing, a space, quotes, digits, punctuation, letters of several scripts, emoji. */
const markBase = fc.constantFrom('', 'a', ' ', '"', '“', "'", '1', '.', '-', '(', '\n', 'Z', 'é', 'ß', 'ا', 'ש', '中', 'क', '😀', '\u200D', '\t');

/** Marks on a base: "a\u0334", " \u0301", "\u0300\u0301…" at the very start of a text. */
export const marked = fc.tuple(markBase, markStack).map(([base, marks]) => base + marks);

/** Fixed hostile fragments, grouped only for reading; the plain-looking ones first so shrinking ends there. */
export const HOSTILE_PIECES: readonly string[] = [
  // look ordinary but are not ASCII
  'é', 'e\u0301', 'ﬁ', 'İstanbul', 'Straße', 'ǅ', 'K', 'Å', 'ＡＢＣ', '𝐀𝐁𝐂', 'ŉ', 'ΐ', 'ς', '½', '²', '١٢٣', '૪',
  // lone and misordered surrogates
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD800b', '\uDC00\uD800', '\uD83D', '\uDE00',
  // C0 and C1 controls, escape sequences
  '\u0000', '\u0001', '\u0007', '\b', '\u000B', '\f', '\r', '\r\n', '\u001B[31m', '\u001B]0;title\u0007', '\u001F', '\u007F', '\u0080', '\u0085', '\u009B', '\u009F',
  // whitespace and invisible characters
  '\u00A0', '\u2007', '\u202F', '\u3000', '\u2028', '\u2029', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u034F', '\u115F', '\u3164', '\t',
  // bidi controls
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u202Eevil\u202C',
  // private use, non-characters, specials
  '\uE000', '\uF8FF', '\u{F0000}', '\u{10FFFD}', '\uFFFE', '\uFFFF', '\u{1FFFE}', '\u{10FFFF}', '\uFDD0', '\uFDEF', '\uFFFD', '\uFFFC', '\uFFF9\uFFFA\uFFFB', '\u{E0001}', '\u{E007F}',
  // right-to-left text
  'مرحبا بالعالم', 'قال الوزير «لن نتراجع»', 'بِسْمِ ٱللَّٰهِ', 'שלום עולם', 'הוא אמר "כן"', 'עִבְרִית', 'ܣܘܪܝܝܐ', 'ތާނަ',
  // CJK and other scripts that need shaping
  '中华人民共和国', '東京都は月曜日に発表した。', '한국어 문장입니다', '𠀋𡈽𡌛', '「引用」と述べた', '各', 'ᄀᄀᄀ각', 'क्षत्रिय', 'தமிழ்', 'ไทยภาษา', 'ཀྵ', 'မြန်မာ', 'ក្ខ', 'ᚠᛇᚻ', '𓀀𓁐',
  // emoji sequences
  '😀', '👨‍👩‍👧‍👦', '👍🏽', '🏳️‍🌈', '🇺🇦', '🇺', '1️⃣', '🧑🏿‍🚀', '\u{1F3FB}', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '❤\uFE0F', '\uFE0F', '\u{E0100}', '‍‍‍',
  // markup and format syntax
  '<', '>', '&', '&amp;', '&#0;', '&#xD800;', '&#x110000;', '&nbsp', ']]>', '<!--', '-->', '<script>alert(1)</script>', '</p>', '<br/>', '"', "'", '`', '```', '~~~', '*', '**', '***', '_', '__', '#', '# ', '> ', '- ', '1. ', '|', '\\', '$', '$$', '~~', '[', '](', '![', '---', '...', '{{title}}', '{{{x}}}', '{{#each}}', '${x}', '%s', '%n',
  // names objects carry
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype',
  // numbers that are not simple
  '-0', '1e308', '1e-400', 'NaN', 'Infinity', '0x1F', '9007199254740993', '٣٫١٤',
  // paths and URLs
  '../../etc/passwd', '/dev/null', 'C:\\Windows\\', '\\\\?\\', 'file:///etc/passwd', 'javascript:alert(1)', 'https://exa mple.com/\u0000', 'data:text/html,<p>x',
];

export const hostilePiece = fc.constantFrom(...HOSTILE_PIECES);

/** A word with no space in it, 1,000 to 12,000 characters long. */
export const longWord = fc
  .record({ unit: fc.constantFrom('a', 'ä', 'a\u0301', '中', '😀', 'ا', '-', '.', '\u200B', 'ab'), n: fc.integer({ min: 1_000, max: 12_000 }) })
  .map(({ unit, n }) => unit.repeat(Math.ceil(n / unit.length)));

/** The longest run of characters without white space in any string inside a value. */
export function longestWord(value: unknown): number {
  if (typeof value === 'string') return Math.max(0, ...value.split(/\s+/u).map((w) => w.length));
  if (value !== null && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestWord));
  return 0;
}

/** Strings from fast-check's own units: any code point, any printable grapheme, raw Latin-1. */
export const anyUnicode = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
);

/** Something hostile to put in text: a fixed piece, marks on a base, a fast-check string, rarely a very long word. */
export const hostile = fc.oneof(
  { weight: 6, arbitrary: hostilePiece },
  { weight: 3, arbitrary: marked },
  { weight: 3, arbitrary: anyUnicode },
  { weight: 1, arbitrary: longWord },
);

// ───────────────────────────── realistic pieces ─────────────────────────────

const WORDS = [
  'bridge', 'council', 'harbour', 'inspectors', 'cracks', 'span', 'traffic', 'ministry', 'engineers', 'report', 'hearing', 'vote', 'budget',
  'hospital', 'patients', 'storm', 'flood', 'election', 'court', 'ruling', 'strike', 'workers', 'talks', 'deal', 'police', 'officials', 'city',
  'the', 'a', 'of', 'and', 'in', 'on', 'to', 'after', 'before', 'was', 'were', 'will', 'would', 'has', 'had', 'closed', 'opened', 'said', 'found',
  'announced', 'confirmed', 'denied', 'delayed', 'approved', 'rejected', 'expected', 'million', 'percent', 'people', 'week', 'year',
];
const NAMES = [
  'John Smith', 'Jane Doe', 'Dr. Anna Kowalski', 'María José Núñez', "Sean O'Neil", 'Jean-Luc Martin', 'Wang Wei', 'Lee Min-ho', 'Ngũgĩ wa Thiong’o',
  'محمد العلي', 'Владимир Петров', 'Κώστας Παπαδόπουλος', 'Anna-Lena von der Heide', 'Mr. X', 'the minister', 'a spokesperson', 'the Harbour Authority',
  'J. R. R. Tolkien', 'Ahmed', 'Łukasz Żółć', 'İlkay Gündoğan', 'Nguyễn Văn An', 'Ōtani Shōhei', 'יוסי כהן',
];
const ROLES = ['chief engineer of the Harbour Authority', 'the mayor', 'a spokesperson for the ministry', 'minister of transport', 'CEO', 'head of the union', 'a witness'];
const OUTLETS = ['Coast Gazette', 'Meridian Wire', 'The Daily Planet', 'Reuters', 'Le Monde', 'الجزيرة', '朝日新聞', 'BBC News', 'AP'];
const PLACES = ['LONDON', 'KYIV', 'NEW YORK', 'SÃO PAULO', 'القاهرة', '東京', 'Port Ellis', 'WASHINGTON'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan.', 'Feb', 'Sept.', 'Nov.'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Date expressions as articles write them, fixed ones (some impossible) and generated ones with wild numbers. */
export const dateExpression = fc.oneof(
  fc.constantFrom(
    'on Monday', 'on Friday', 'last week', 'next Tuesday', 'yesterday', 'tomorrow', 'today', 'March 3, 2024', '3 March 2024', 'Nov. 15', 'in 2019',
    'since 2014', 'early January', 'late 2023', 'the first half of 2025', '2024-03-03', '03/04/2024', '12.03.2024', 'in the 1990s', 'Q3 2024',
    'two weeks ago', 'about a week ago', 'ten days later', 'the day before', 'on February 30, 2024', 'on 31 April 2024', 'on 29 February 2023',
    'in 0000', 'in 9999', 'on March 3, 275760', 'in the year 99999', 'on Monday, March 3, 2024', 'between March and June 2024', 'from 1 to 3 May',
    'at 25:61', 'on the 32nd of May', 'March 3, -44', 'in 44 BC', 'Monday Monday Monday', 'on 2024-13-45', '+275760-09-13', '-271821-04-19',
    'in 1e9', 'on 0/0/0', 'next next week', 'by the end of the decade', 'within 48 hours', 'on Friday the 13th', 'last Monday of the month',
    'in spring', 'this morning', 'overnight', 'in the coming weeks', 'by 2030', 'on 1 January 1970', 'on 31 December 1969', 'in 1900', 'in 2100',
  ),
  fc
    .record({
      month: fc.constantFrom(...MONTHS),
      day: fc.integer({ min: -1, max: 40 }),
      year: fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: -300_000, max: 300_000 })),
      form: fc.constantFrom('mdy', 'dmy', 'md', 'dm', 'iso', 'weekday'),
      weekday: fc.constantFrom(...DAYS),
    })
    .map(({ month, day, year, form, weekday }) => {
      switch (form) {
        case 'mdy': return `on ${month} ${day}, ${year}`;
        case 'dmy': return `on ${day} ${month} ${year}`;
        case 'md': return `on ${month} ${day}`;
        case 'dm': return `${day} ${month}`;
        case 'iso': return `${year}-${String(Math.abs(day) % 100).padStart(2, '0')}-${String(Math.abs(day) % 13).padStart(2, '0')}`;
        default: return `on ${weekday}, ${month} ${day}`;
      }
    }),
);

/** A word: mostly an ordinary one, sometimes with a hostile piece before, after, inside or instead of it. */
const word = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 100_000_000 }).map(String) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...WORDS), hostile, fc.constantFrom('before', 'after', 'inside', 'instead'))
      .map(([w, h, where]) => (where === 'before' ? h + w : where === 'after' ? w + h : where === 'inside' ? w.slice(0, 2) + h + w.slice(2) : h)),
  },
);

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A run of words. */
export const phrase = (min = 1, max = 10): fc.Arbitrary<string> => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

/** A person's or organisation's name, sometimes marked up or hostile. */
export const personName = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `${capitalize(a)} ${capitalize(b)}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NAMES), hostile).map(([n, h]) => `${n}${h}`) },
  { weight: 1, arbitrary: hostile },
);

const quoteMarks = fc.constantFrom<[string, string]>(['“', '”'], ['"', '"'], ['‘', '’'], ["'", "'"], ['«', '»'], ['„', '“'], ['「', '」'], ['"', ''], ['', '”'], ['»', '«']);

/** One sentence: plain, quoted speech, attributed, questions and conditions, numbers, dates. */
export const sentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(phrase(3, 12), dateExpression).map(([p, d]) => `${capitalize(p)} ${d}.`),
  fc.tuple(quoteMarks, phrase(2, 12), personName).map(([[o, c], q, n]) => `${o}${capitalize(q)},${c} said ${n}.`),
  fc.tuple(quoteMarks, phrase(2, 12), personName, dateExpression).map(([[o, c], q, n, d]) => `${o}${capitalize(q)},${c} ${n} said ${d}.`),
  fc.tuple(personName, fc.constantFrom(...ROLES), quoteMarks, phrase(2, 10)).map(([n, r, [o, c], q]) => `${n}, ${r}, said: ${o}${capitalize(q)}.${c}`),
  fc.tuple(personName, quoteMarks, phrase(1, 4), phrase(2, 6)).map(([n, [o, c], q, rest]) => `${n} called the decision ${o}${q}${c} and said ${rest}.`),
  fc.tuple(phrase(2, 8)).map(([p]) => `It is unclear whether ${p}.`),
  fc.tuple(phrase(2, 6), phrase(2, 6)).map(([a, b]) => `If ${a}, ${b}.`),
  fc.tuple(phrase(2, 8), dateExpression).map(([p, d]) => `Officials have not said when ${p}, but a hearing is scheduled ${d}.`),
  fc.tuple(fc.integer({ min: 0, max: 100_000 }), phrase(1, 5), dateExpression).map(([n, p, d]) => `At least ${n} people were ${p} ${d}.`),
  fc.tuple(phrase(2, 6)).map(([p]) => `Will ${p}?`),
  fc.tuple(hostile, phrase(0, 4)).map(([h, p]) => `${h} ${p}`),
);

/** A paragraph of one to four sentences. */
export const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));

/** A paragraph of ordinary words only, for properties about something other than hostile text. */
export const plainParagraph = fc
  .array(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 12 }).map((w) => `${capitalize(w.join(' '))}.`), { minLength: 1, maxLength: 4 })
  .map((s) => s.join(' '));

/** What an article is about itself and what it says, before it is written out in some format. */
export interface ArticleSpec {
  headline: string;
  outlet: string;
  author: string;
  published: string;
  url: string;
  lang: string;
  place: string;
  paragraphs: string[];
}

export const articleSpec: fc.Arbitrary<ArticleSpec> = fc.record({
  headline: fc.oneof(
    { weight: 4, arbitrary: phrase(3, 12).map(capitalize) },
    { weight: 1, arbitrary: fc.tuple(phrase(3, 8), fc.constantFrom(...OUTLETS), fc.constantFrom(' | ', ' - ', ' — ', ': ')).map(([h, o, s]) => capitalize(h) + s + o) },
    { weight: 1, arbitrary: hostile },
  ),
  outlet: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...OUTLETS) }, { weight: 1, arbitrary: hostile }),
  author: personName,
  published: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('2024-03-04', '2024-03-01T10:00:00Z', 'March 3, 2024', 'Mon, 04 Mar 2024 09:00:00 GMT', '2023-12-31') },
    { weight: 2, arbitrary: dateExpression },
    { weight: 1, arbitrary: hostile },
  ),
  url: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('https://gazette.example/news/bridge', 'http://example.org/a?b=1&c=2#x') },
    { weight: 1, arbitrary: hostile.map((h) => `https://example.org/${h}`) },
    { weight: 1, arbitrary: hostile },
  ),
  lang: fc.constantFrom('en', 'en-GB', 'ar', 'he', 'zh-Hant', 'x-klingon', '', 'EN_us', '\u0000', 'en\u0301'),
  place: fc.constantFrom(...PLACES),
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
});

// ───────────────────────────── formats ─────────────────────────────

/** Percent-encoded for a URL; lone surrogates (which encodeURIComponent refuses) become U+FFFD first. */
const uri = (s: string): string => encodeURIComponent(s.toWellFormed());

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text: a scraper's field header, or headline / byline / dateline / paragraphs, hard-wrapped or not. */
export const textFile = fc
  .record({ spec: articleSpec, header: fc.boolean(), wrap: fc.constantFrom(0, 0, 40, 72), lineEnd: fc.constantFrom('\n', '\n', '\r\n', '\r'), dateline: fc.boolean() })
  .map(({ spec, header, wrap, lineEnd, dateline }) => {
    const wrapText = (p: string): string => (wrap === 0 ? p : (p.match(new RegExp(`.{1,${wrap}}(\\s|$)`, 'gu')) ?? [p]).join('\n'));
    const head = header
      ? [`Title: ${spec.headline}`, `Source: ${spec.outlet}`, `Date: ${spec.published}`, `Author: ${spec.author}`, `URL: ${spec.url}`, '']
      : [spec.headline, '', `By ${spec.author}`, spec.published, ''];
    const body = spec.paragraphs.map((p, i) => wrapText(i === 0 && dateline ? `${spec.place}, ${spec.published} (${spec.outlet}) — ${p}` : p));
    return [...head, ...body.flatMap((p) => [p, ''])].join('\n').replace(/\n/g, lineEnd);
  });

/** Inline markup around some text: nothing, emphasis, links, spans, nested a few levels, or left unclosed. */
const inlineHtml = (text: string, how: number): string => {
  switch (how % 8) {
    case 0: return escapeHtml(text);
    case 1: return `<em>${escapeHtml(text)}</em>`;
    case 2: return `<a href="https://example.org/?q=${uri(text.slice(0, 20)).replace(/%/g, '%25')}">${escapeHtml(text)}</a>`;
    case 3: return `<span class="x"><strong><i>${escapeHtml(text)}</i></strong></span>`;
    case 4: return `<b>${escapeHtml(text)}`; // unclosed
    case 5: return text; // not escaped: raw < & > in text
    case 6: return `${escapeHtml(text)}<br>${escapeHtml(text.slice(0, 10))}`;
    default: return `<q>${escapeHtml(text)}</q><sup>1</sup>`;
  }
};

/** Hostile additions to an HTML page, each placed somewhere in the body. */
const HTML_EXTRAS = [
  '<script>document.write("<p>not the story</p>")</script>',
  '<style>p { content: "</p>"; }</style>',
  '<!-- a comment <p>inside</p> -->',
  '<!-- unclosed comment',
  '<![CDATA[ <p>cdata</p> ]]>',
  '<template><p>template text</p></template>',
  '<svg><p>svg p</p><text>svg text</text></svg>',
  '<math><mi>x</mi></math>',
  '<table><tr><td>cell one</td><td>cell two</td></tr></table>',
  '<p>unclosed paragraph',
  '</div></div></div></p></span>',
  '<div><p><div><p>misnested</div></p>',
  '<nav><a href="/">Home</a> | <a href="/news">News</a></nav>',
  '<figure><img src="x.jpg" alt="A bridge &amp; a river"><figcaption>Photo: Agency</figcaption></figure>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<p>&#0; &#x110000; &#xD800; &#55296; &#99999999999; &bogus; &amp &lt &gt &quot; &nbsp;</p>',
  '<p title="\u0000\uD800">attr</p>',
  '<plaintext><p>rest is text',
  '<textarea><p>not markup</textarea>',
  '<base href="file:///etc/"><a href="passwd">link</a>',
  '<meta http-equiv="refresh" content="0;url=file:///etc/passwd">',
  '<p dir="rtl">\u202Eright to left\u202C</p>',
  '<h1></h1><h2> </h2><p></p>',
  '<br><br><br><br><br>',
  '<object data="x"><embed src="y"></object>',
  '<?php echo 1; ?>',
  '<x-custom-element data-x="1">custom</x-custom-element>',
];

/** An attribute value of 1,000 to 100,000 characters. */
const hugeAttribute = fc.integer({ min: 1_000, max: 100_000 }).map((n) => `<p data-x="${'x'.repeat(n)}" class="${'a '.repeat(50)}">huge attribute</p>`);

/** A whole HTML page or a bare fragment, with meta tags, nested and unclosed markup and hostile extras. */
export const htmlFile = fc
  .record({
    spec: articleSpec,
    page: fc.boolean(),
    charset: fc.constantFrom('utf-8', 'UTF-8', 'windows-1252', 'iso-8859-1', 'shift_jis', 'utf-16', 'x-bogus', ''),
    inline: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    extras: fc.array(fc.tuple(fc.constantFrom(...HTML_EXTRAS), fc.nat()), { maxLength: 4 }),
    huge: sometimes(hugeAttribute, 1 / 8),
    nesting: sometimes(fc.integer({ min: 1, max: 60 }), 1 / 3),
    hostileHead: sometimes(hostile, 1 / 3),
  })
  .map(({ spec, page, charset, inline, extras, huge, nesting, hostileHead }) => {
    const paragraphs = spec.paragraphs.map((p, i) => `<p>${inlineHtml(p, inline[i % inline.length] ?? 0)}</p>`);
    for (const [extra, at] of extras) paragraphs.splice(at % (paragraphs.length + 1), 0, extra);
    if (huge !== null) paragraphs.push(huge);
    let article = `<article><header><h1>${escapeHtml(spec.headline)}</h1><p class="byline">By ${escapeHtml(spec.author)}</p><time datetime="${escapeHtml(spec.published)}">${escapeHtml(spec.published)}</time></header>${paragraphs.join('\n')}</article>`;
    if (nesting !== null) article = `${'<div><section>'.repeat(nesting)}${article}${'</section></div>'.repeat(nesting)}`;
    if (!page) return article;
    const meta = [
      charset ? `<meta charset="${charset}">` : '',
      `<title>${escapeHtml(spec.headline)} | ${escapeHtml(spec.outlet)}</title>`,
      `<meta property="og:title" content="${escapeHtml(spec.headline)}">`,
      `<meta property="og:site_name" content="${escapeHtml(spec.outlet)}">`,
      `<meta name="author" content="${escapeHtml(spec.author)}">`,
      `<meta property="article:published_time" content="${escapeHtml(spec.published)}">`,
      `<link rel="canonical" href="${escapeHtml(spec.url)}">`,
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: spec.headline, datePublished: spec.published, author: { name: spec.author } }).replace(/</g, '\\u003c')}</script>`,
      hostileHead === null ? '' : `<meta name="description" content="${hostileHead}">`,
    ].join('\n');
    return `<!DOCTYPE html>\n<html lang="${escapeHtml(spec.lang)}">\n<head>\n${meta}\n</head>\n<body>\n<header><nav><a href="/">Home</a></nav></header>\n${article}\n<footer>© ${escapeHtml(spec.outlet)}</footer>\n</body>\n</html>\n`;
  });

/** Front matter that is hostile YAML: aliases, unknown and odd tags, huge numbers, wrong types, broken syntax. */
const HOSTILE_FRONT_MATTER = [
  'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: *d',
  'base: &base {title: Aliased title, author: Ann}\n<<: *base',
  'title: &t Anchored\nauthor: *t\noutlet: *nothing',
  'title: !!js/function "function () { return 1 }"',
  'title: !!python/object/apply:os.system ["echo hi"]',
  'title: !<tag:yaml.org,2002:str> tagged',
  'date: !!timestamp 2001-12-14t21:59:43.10-05:00',
  'date: !!timestamp 99999-01-01',
  'title: !!binary aGVsbG8=',
  'title: !!set {a, b}',
  'title: !!omap [a: 1, b: 2]',
  'title: !!float 1e400\ndate: !!int 99999999999999999999',
  'title: 1e400\ndate: 99999999999999999999999999\nauthor: -0\nurl: 0x1F',
  'date: .nan\ntitle: .inf',
  'date: 2024-02-30',
  'date: 2024-03-03T25:61:61Z',
  'date: -2024-01-01',
  'date: +275761-01-01',
  'date: [2024, 3, 4]',
  'date: {year: 2024}',
  'title: null\ndate: ~\nauthor: true',
  'title: [1, [2, [3, [4]]], {name: {name: {name: x}}}]',
  'title: {name: 5}\nauthor: [{name: null}, {}]',
  'title: |\n  multi\n  line\n  title',
  'title: >-\n  folded\n  title',
  '? complex key\n: value\ntitle: x',
  'title: a\ntitle: b',
  'title: "\\0\\x80\\uD800\\U0010FFFF\\N\\_\\L\\P"',
  'title: "\\uD800"\nauthor: "\\uDC00x"',
  '__proto__: {title: polluted}\nconstructor: {prototype: {x: 1}}',
  'title: "unclosed',
  'title: [unclosed',
  '\ttitle: tab indented',
  'title: x\n  bad: indentation',
  '%YAML 1.1',
  '- a\n- list',
  '"just a string"',
  '',
  'title: ' + '[' .repeat(200) + ']'.repeat(200),
];

/** A front-matter line with a hostile value, double-quoted (JSON escapes are YAML escapes) or raw. */
const frontMatterLine = fc
  .tuple(fc.constantFrom('title', 'headline', 'date', 'published', 'author', 'authors', 'outlet', 'url', 'lang', 'tags'), hostile, fc.boolean())
  .map(([key, value, quoted]) => `${key}: ${quoted ? JSON.stringify(value) : value}`);

/** Inline Markdown around text: emphasis runs, backticks, links, images, escapes. */
const inlineMarkdown = (text: string, how: number): string => {
  switch (how % 9) {
    case 0: return text;
    case 1: return `**${text}**`;
    case 2: return `*${text}* _${text.slice(0, 8)}_`;
    case 3: return `\`${text}\` and \`\`${text.slice(0, 5)}\``;
    case 4: return `[${text}](https://example.org/${uri(text.slice(0, 10))} "title")`;
    case 5: return `![${text.slice(0, 20)}](img.png) ${text}`;
    case 6: return `${'*'.repeat(30)}${text}${'_'.repeat(30)}`;
    case 7: return `${text} \\* \\_ \\\` <span>html</span> &amp; &copy;`;
    default: return `~~${text}~~ ${'`'.repeat(7)}`;
  }
};

/** A Markdown article: front matter (ordinary or hostile), headings, paragraphs, quotes, lists, fences, HTML blocks. */
export const markdownFile = fc
  .record({
    spec: articleSpec,
    front: fc.oneof(
      fc.constant<string | null>(null),
      articleSpec.map((s) => [`title: ${JSON.stringify(s.headline)}`, `author: ${JSON.stringify(s.author)}`, `date: ${JSON.stringify(s.published)}`, `outlet: ${JSON.stringify(s.outlet)}`].join('\n')),
      fc.constantFrom(...HOSTILE_FRONT_MATTER),
      fc.array(frontMatterLine, { minLength: 1, maxLength: 6 }).map((l) => l.join('\n')),
    ),
    closer: fc.constantFrom('---', '---', '...', '--- '),
    heading: fc.constantFrom('atx', 'setext', 'none', 'closed'),
    inline: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    blocks: fc.array(fc.tuple(fc.constantFrom('quote', 'list', 'fence', 'unclosed-fence', 'html', 'break', 'nested-quote', 'table', 'definition'), fc.nat()), { maxLength: 4 }),
  })
  .map(({ spec, front, closer, heading, inline, blocks }) => {
    const out: string[] = [];
    if (front !== null) out.push('---', front, closer);
    if (heading === 'atx') out.push(`# ${spec.headline}`, '');
    else if (heading === 'setext') out.push(spec.headline, '='.repeat(Math.max(3, Math.min(spec.headline.length, 80))), '');
    else if (heading === 'closed') out.push(`## ${spec.headline} ##`, '');
    const paragraphs = spec.paragraphs.map((p, i) => inlineMarkdown(p, inline[i % inline.length] ?? 0));
    for (const [block, at] of blocks) {
      const p = spec.paragraphs[at % spec.paragraphs.length] ?? '';
      const text = {
        quote: `> ${p}`,
        list: `- ${p}\n- second item\n  continued\n1. numbered`,
        fence: `\`\`\`js\n${p}\n\`\`\``,
        'unclosed-fence': `~~~\n${p}`,
        html: `<div class="x"><p>${p}</p></div>`,
        break: '* * *',
        'nested-quote': `${'> '.repeat(1 + (at % 40))}${p}`,
        table: `| a | b |\n| --- | --- |\n| ${p} | x |`,
        definition: `[ref]: https://example.org/${p.slice(0, 5)}`,
      }[block];
      paragraphs.splice(at % (paragraphs.length + 1), 0, text);
    }
    out.push(paragraphs.join('\n\n'));
    return `${out.join('\n')}\n`;
  });

/** Values of the wrong type for a field that should be a string. */
const WRONG_TYPES: readonly unknown[] = [
  123, -1, 0, 1e308, -1e-300, true, false, null, [], {}, [[['x']]], { name: { name: 'x' } }, { name: 5 }, '', ' ', '\u0000', [null, 1, 'a'],
  { title: 'nested title' }, { toString: 'x' }, { length: 1e9 }, Array(5).fill('a'),
];

/** A JSON article object: the usual keys of news APIs, some with hostile text, some with the wrong type. */
const jsonArticle = fc
  .record({
    spec: articleSpec,
    titleKey: fc.constantFrom('title', 'headline'),
    bodyKey: fc.constantFrom('content', 'body', 'text', 'articleBody', 'article', 'fullText', 'story'),
    dateKey: fc.constantFrom('publishedAt', 'published', 'pubDate', 'date', 'datePublished'),
    markup: fc.boolean(),
    wrong: fc.array(fc.tuple(fc.constantFrom('title', 'content', 'description', 'publishedAt', 'source', 'author', 'url', 'language'), fc.constantFrom(...WRONG_TYPES)), { maxLength: 3 }),
    truncated: fc.boolean(),
  })
  .map(({ spec, titleKey, bodyKey, dateKey, markup, wrong, truncated }) => {
    const body = markup ? spec.paragraphs.map((p) => `<p>${p}</p>`).join('') : spec.paragraphs.join('\n\n');
    const obj: Record<string, unknown> = {
      [titleKey]: spec.headline,
      description: spec.paragraphs[0],
      [bodyKey]: truncated ? `${body}… [+1234 chars]` : body,
      [dateKey]: spec.published,
      source: { id: null, name: spec.outlet },
      author: spec.author,
      url: spec.url,
      language: spec.lang,
    };
    for (const [key, value] of wrong) obj[key] = value;
    return obj;
  });

/** A JSON file: one article, a list, or a news-API wrapper; sometimes text that is not quite JSON. */
export const jsonFile = fc
  .record({
    articles: fc.array(fc.oneof({ weight: 5, arbitrary: jsonArticle }, { weight: 1, arbitrary: fc.constantFrom<unknown>(...WRONG_TYPES) }), { minLength: 1, maxLength: 4 }),
    shape: fc.constantFrom('object', 'array', 'articles', 'items', 'data', 'status'),
    raw: fc.constantFrom('', '', '', 'trailing-comma', 'huge-number', 'bom-inside', 'comment', 'duplicate-key', 'cut'),
    indent: fc.constantFrom(0, 2, '\t'),
  })
  .map(({ articles, shape, raw, indent }) => {
    const value =
      shape === 'object' ? articles[0] : shape === 'array' ? articles : shape === 'status' ? { status: 'ok', totalResults: articles.length, articles } : { [shape]: articles };
    let text = JSON.stringify(value, null, indent);
    if (raw === 'trailing-comma') text = text.replace(/}$/, ',}');
    if (raw === 'huge-number') text = text.replace(/"publishedAt":\s*"[^"]*"/, '"publishedAt": 1e999').replace(/^\{/, '{"n": -1e999, "m": 123456789012345678901234567890,');
    if (raw === 'bom-inside') text = text.replace(/^(.)/, '$1\uFEFF');
    if (raw === 'comment') text = `// comment\n${text}`;
    if (raw === 'duplicate-key') text = text.replace(/^\{/, '{"title": 1, "title": "dup",');
    if (raw === 'cut') text = text.slice(0, Math.floor(text.length / 2));
    return text;
  });

/** A file of any format, as text. */
export const articleText: fc.Arbitrary<{ format: SourceFormat; text: string }> = fc.oneof(
  textFile.map((text) => ({ format: 'text' as const, text })),
  htmlFile.map((text) => ({ format: 'html' as const, text })),
  markdownFile.map((text) => ({ format: 'markdown' as const, text })),
  jsonFile.map((text) => ({ format: 'json' as const, text })),
);

/** Markup nested deeper than any call stack: divs, spans, lists, Markdown quotes, JSON arrays and objects, YAML flows. */
export const deeplyNested = fc
  .record({
    kind: fc.constantFrom('div', 'span', 'li', 'blockquote', 'md-quote', 'json-array', 'json-object', 'yaml-flow', 'md-list'),
    depth: fc.integer({ min: 10, max: 100_000 }),
    closed: fc.boolean(),
  })
  .map(({ kind, depth, closed }): { format: SourceFormat; text: string; kind: string; depth: number } => {
    const story = 'The bridge was closed on Monday after inspectors found cracks, officials said.';
    const tags = (open: string, close: string, inner: string) => `${open.repeat(depth)}${inner}${closed ? close.repeat(depth) : ''}`;
    switch (kind) {
      case 'div': return { kind, depth, format: 'html', text: `<html><body>${tags('<div>', '</div>', `<p>${story}</p>`)}</body></html>` };
      case 'span': return { kind, depth, format: 'html', text: `<html><body><p>${tags('<span>', '</span>', story)}</p></body></html>` };
      case 'li': return { kind, depth, format: 'html', text: `<html><body>${tags('<ul><li>', '</li></ul>', story)}</body></html>` };
      case 'blockquote': return { kind, depth, format: 'html', text: `<html><body>${tags('<blockquote>', '</blockquote>', story)}</body></html>` };
      case 'md-quote': return { kind, depth, format: 'markdown', text: `# Bridge closed\n\n${'> '.repeat(depth)}${story}\n` };
      case 'md-list': return { kind, depth, format: 'markdown', text: `# Bridge closed\n\n${Array.from({ length: Math.min(depth, 20_000) }, (_, i) => `${'  '.repeat(i % 200)}- ${story}`).join('\n')}\n` };
      case 'json-array': return { kind, depth, format: 'json', text: `{"title": ${tags('[', ']', '"Bridge closed"')}, "content": "${story}"}` };
      case 'json-object': return { kind, depth, format: 'json', text: `{"content": "${story}", "source": ${tags('{"name": ', '}', '"Gazette"')}}` };
      default: return { kind, depth, format: 'markdown', text: `---\ntitle: ${tags('[', ']', 'x')}\n---\n# Bridge closed\n\n${story}\n` };
    }
  });

// ───────────────────────────── bytes ─────────────────────────────

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'windows-1252';

/** A string's code units as UTF-16 bytes (lone surrogates kept as they are), with or without a BOM. */
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    bytes[2 * i + (littleEndian ? 0 : 1)] = u & 0xff;
    bytes[2 * i + (littleEndian ? 1 : 0)] = u >> 8;
  }
  return bytes;
}

/** Text as bytes in an encoding; characters windows-1252 cannot hold become "?". */
export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8': return new TextEncoder().encode(text);
    case 'utf-8-bom': return new TextEncoder().encode(`\uFEFF${text}`);
    case 'utf-16le-bom': return utf16(text, true, true);
    case 'utf-16be-bom': return utf16(text, false, true);
    case 'utf-16le': return utf16(text, true, false);
    default: return Uint8Array.from(Array.from(text, (c) => { const n = c.codePointAt(0)!; return n < 0x100 ? n : 0x3f; }));
  }
}

/** Byte sequences that are not valid UTF-8, or that mean something at the start of a file. */
export const BAD_BYTES: readonly number[][] = [
  [0xff], [0xfe], [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe0, 0x80, 0xaf], [0xf0, 0x9f, 0x98], [0x00], [0x00, 0x00], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x1b], [0x85], [0xa0],
];

/** A change to a file's bytes: an invalid sequence inserted somewhere, or the file cut short. */
const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.constantFrom(...BAD_BYTES) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.constant([] as number[]) }),
);

export function mutate(bytes: Uint8Array, mutations: ReadonlyArray<{ kind: 'insert' | 'cut'; at: number; bytes: number[] }>): Uint8Array {
  let out = Array.from(bytes);
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    out = m.kind === 'cut' ? out.slice(0, Math.max(1, at)) : [...out.slice(0, at), ...m.bytes, ...out.slice(at)];
  }
  return Uint8Array.from(out);
}

/** An article file of any format, in any encoding, sometimes with its bytes damaged. */
export const articleBytes: fc.Arbitrary<{ format: SourceFormat; text: string; encoding: Encoding; bytes: Uint8Array }> = fc
  .record({
    file: articleText,
    encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le', 'windows-1252'),
    mutations: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 4 }) }),
  })
  .map(({ file, encoding, mutations }) => ({ ...file, encoding, bytes: mutate(encode(file.text, encoding), mutations) }));

/**
 * An article file as above with no word over 2,000 characters: for properties that end in the PDF writer,
 * whose time grows with the square of a word's length (checked on its own in renderers.test.ts).
 */
export const articleBytesShortWords = articleBytes.filter((f) => longestWord(f.text) <= 2_000);

/** Names a file in an article folder may have; each with an extension the folder walk reads. */
export const fileName = fc
  .tuple(
    fc.constantFrom('article', 'Artikel', 'статья', '記事', 'مقال', 'a b', '-dash', '--help', 'e\u0301', '\u202Eevil', 'new\nline', 'tab\there', '😀', 'x'.repeat(200), "quote'\"", '$HOME', '%s', 'con', 'nul'),
    fc.constantFrom('.txt', '.html', '.htm', '.md', '.markdown', '.json', '', '.TXT', '.text', '.xhtml'),
  )
  .map(([base, ext]) => base + ext);

// ───────────────────────────── sources and briefings made in code ─────────────────────────────

/** Any text for a field: ordinary words, or hostile, or both. */
const anyText = fc.oneof({ weight: 2, arbitrary: phrase(1, 8) }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: sentence });
const nonEmptyText = anyText.map((t) => (t.length === 0 ? 'x' : t));

/** A Source as a library user could hand it to buildBriefing, with any Unicode in its metadata and blocks. */
export const codeSources: fc.Arbitrary<Source[]> = fc
  .array(
    fc.record({
      meta: fc.record(
        { title: anyText, outlet: anyText, url: anyText, published: fc.constantFrom('2024-03-04', '2023-12-31', '1900-02-28', '9999-12-31', '0001-01-01'), author: anyText, lang: anyText },
        { requiredKeys: [] },
      ),
      blocks: fc.array(
        fc.record({ text: fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 1, arbitrary: nonEmptyText }), role: fc.constantFrom<BlockRole>('paragraph', 'paragraph', 'heading', 'list-item', 'caption', 'blockquote') }),
        { minLength: 1, maxLength: 8 },
      ),
      format: fc.constantFrom<SourceFormat>('text', 'html', 'markdown', 'json'),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((drafts) =>
    drafts.map((d, i): Source => ({
      id: `S${i + 1}`,
      path: `code/s${i + 1}.txt`,
      format: d.format,
      encoding: 'utf-8',
      sha256: String(i).repeat(64).slice(0, 64),
      meta: d.meta as SourceMeta,
      metaOrigin: {},
      blocks: d.blocks.map((b, j): Block => ({ ...b, line: j + 1 })),
    })),
  );

/** A calendar date between years 1 and 9999, as YYYY-MM-DD. */
export const isoDate = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
});

/** A briefing date: mostly near the present, sometimes far from it. */
export const briefingDate = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('2024-03-04', '2022-02-21', '2000-01-01', '2024-02-29') }, { weight: 1, arbitrary: isoDate });

const span: fc.Arbitrary<DateSpan> = fc
  .record({ a: isoDate, b: isoDate, granularity: fc.constantFrom<Granularity>('day', 'week', 'month', 'quarter', 'half', 'year', 'decade'), approximate: fc.boolean() })
  .map(({ a, b, granularity, approximate }) => ({ start: a < b ? a : b, end: a < b ? b : a, granularity, approximate }));

const listChange = fc.record({ added: fc.array(nonEmptyText, { maxLength: 3 }), dropped: fc.array(nonEmptyText, { maxLength: 3 }) });

/** "What changed since v<N>", for a version after the first. */
const changeSet: fc.Arbitrary<ChangeSet> = fc.record({ since: fc.integer({ min: 1, max: 99 }), summary: listChange, timeline: listChange, quotes: listChange, questions: listChange });

/**
 * A Briefing the schema accepts, made in code with hostile text in every text field: for writers, which must
 * render any valid Briefing. `n` sources S1…Sn; every citation names one of them.
 */
export const codeBriefing: fc.Arbitrary<Briefing> = fc.integer({ min: 1, max: 4 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `S${i + 1}`);
  const cited = fc.subarray(ids, { minLength: 1 });
  const evidence: fc.Arbitrary<Evidence[]> = fc.array(
    fc.record({ source: fc.constantFrom(...ids), paragraph: fc.integer({ min: 1, max: 99 }), sentence: fc.integer({ min: 1, max: 9 }) }),
    { maxLength: 3 },
  );
  const nullable = (a: fc.Arbitrary<string>) => fc.option(a, { nil: null, freq: 4 });
  return fc.record({
    schemaVersion: fc.constant(SCHEMA_VERSION as typeof SCHEMA_VERSION),
    title: nonEmptyText,
    date: briefingDate,
    sources: fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          path: nonEmptyText,
          title: nullable(anyText),
          outlet: nullable(anyText),
          url: nullable(fc.oneof(fc.constant('https://example.org/a'), anyText.map((t) => `https://example.org/${t}`), anyText.map((t) => `x:${t}`))),
          published: nullable(isoDate),
          author: nullable(anyText),
          format: fc.constantFrom('text', 'html', 'markdown', 'json'),
          sha256: fc.constant('a'.repeat(64)),
          // Filled in below, from the origins drawn for the sources.
          origin: fc.constant(''),
        }),
      ),
    ),
    summary: fc.array(fc.record({ text: nonEmptyText, sources: cited, evidence }), { maxLength: 5 }),
    timeline: fc.array(
      fc.tuple(span, fc.record({ scheduled: fc.boolean(), text: nonEmptyText, when: anyText, sources: cited, evidence })).map(([s, rest]) => ({ ...s, ...rest })),
      { maxLength: 5 },
    ),
    quotes: fc.array(
      fc.record({ text: nonEmptyText, speaker: nullable(anyText), role: nullable(anyText), partial: fc.boolean(), key: fc.boolean(), sources: cited, evidence }),
      { maxLength: 5 },
    ),
    questions: fc.array(fc.record({ text: nonEmptyText.map((t) => `${t}?`), kind: fc.constantFrom<QuestionKind>('pending', 'conditional', 'unknown', 'conflict'), sources: cited, evidence }), { maxLength: 4 }),
    conflicts: fc.array(
      fc.record({ about: nonEmptyText, values: fc.array(fc.record({ value: nonEmptyText, sources: cited, evidence }), { minLength: 2, maxLength: 3 }) }),
      { maxLength: 2 },
    ),
    changes: maybe(changeSet, 1 / 3),
    // Each source an origin of its own, or all of them one (wire copy): both shapes reach the writers.
    oneOrigin: fc.boolean(),
  }).map(({ changes, oneOrigin, ...drawn }): Briefing => {
    const origins: Origin[] = oneOrigin && drawn.sources.length > 0
      ? [{ id: 'O1', label: 'shared copy', sources: drawn.sources.map((s) => s.id), basis: 'shared-text' }]
      : drawn.sources.map((s, i) => ({ id: `O${i + 1}`, label: s.outlet || 'outlet unknown', sources: [s.id], basis: 'own' }));
    // Keys in model order (origins after sources), support as analyze() sets it: what the JSON writer writes.
    const { schemaVersion, title, date, sources, ...sections } = drawn;
    const briefing = withSupport({ schemaVersion, title, date, sources: withOrigins(sources, origins), origins, ...sections });
    return changes === undefined ? briefing : { ...briefing, changes };
  });
});

/**
 * A valid Briefing as above with no word over 2,000 characters: for the PDF writer, whose time grows with the
 * square of a word's length (renderers.test.ts checks very long words on their own, with a time limit).
 */
export const codeBriefingShortWords: fc.Arbitrary<Briefing> = codeBriefing.filter((b) => longestWord(b) <= 2_000);
