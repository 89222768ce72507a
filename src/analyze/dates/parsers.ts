/**
 * Custom chrono parsers for what chrono-node 2.10 misses in news text: bare years ("since 2011"),
 * decades, quarters and halves, seasons, "overnight", "the year" after "end of", and steps from the
 * previous event ("the following week", "days later", "that day"). Each tags its result so the
 * resolver knows what it found; none decides a direction — that needs the tense.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { NEXT_PERIOD, tag } from './words.js';

const YEAR = '((?:1[6-9]|20)\\d{2})';

/** Build a result for `text` found at `index`, with known components and tags. */
function found(
  context: ParsingContext,
  index: number,
  text: string,
  components: { year?: number; month?: number; day?: number },
  tags: string[],
): ParsingResult {
  const result = context.createParsingResult(index, text, components);
  for (const t of tags) result.addTag(t);
  return result;
}

/** Lower-case words after a number that show it counts things ("in 2000 homes"), so it is no year. */
const COUNTED =
  /^\s+(?:people|men|women|children|staff|workers|residents|patients|homes|houses|jobs|troops|cases|pounds|dollars|euros|miles|kilometres|kilometers|metres|meters|tonnes|tons|units|of\s+(?:them|whom|which|the|those))\b/i;

function yearFollows(context: ParsingContext, end: number): boolean {
  const after = context.text.slice(end, end + 40);
  if (COUNTED.test(after)) return false;
  // A plural noun right after the number: "from 2000 homes", "by 1800 votes".
  const next = /^\s+([a-z]+)\b/.exec(after)?.[1];
  return !(next && next.length > 3 && next.endsWith('s') && !/(?:ss|us|is|as|ous)$/.test(next) && !VERBISH.has(next));
}
const VERBISH = new Set(['remains', 'seems', 'looks', 'marks', 'sees', 'saw', 'makes', 'takes', 'gives', 'brings', 'shows']);

/** "since 2011", "in 2021", "by 2030", "mid-2023": a year after a preposition or part word. */
export const bareYearParser: Parser = {
  pattern: () =>
    new RegExp(
      `\\b(?:in|since|by|until|till|from|before|after|during|through|throughout|between|and|to|around|circa|of|early|mid|late|spring|summer|autumn|fall|winter)(?:\\s+|-)${YEAR}(?![\\w%]|[.,]\\d|\\s*(?:%|per\\s?cent))`,
      'i',
    ),
  extract(context, match) {
    const year = match[1]!;
    const end = match.index! + match[0].length;
    if (!yearFollows(context, end)) return null;
    // The cue word stays out of the result, as chrono leaves "in" out of "in June": the part refiner reads
    // "late" before it, the range refiner "to" between two years, and the resolver adds back the preposition.
    return found(context, end - year.length, year, { year: Number(year) }, [tag('year')]);
  },
};

/**
 * "2009-2010", "1957-58", "the 1975–90 civil war": a span of years written with a dash. The second year
 * may be written short, in the first one's century ("2024-03" is March 2024 written the ISO way, no span).
 */
export const yearRangeParser: Parser = {
  pattern: () => new RegExp(`\\b${YEAR}\\s*[-–]\\s*(\\d{4}|\\d{2})(?![\\w%]|[.,]\\d|-)`, 'i'),
  extract(context, match) {
    const first = Number(match[1]);
    const written = match[2]!;
    const last = written.length === 4 ? Number(written) : first - (first % 100) + Number(written);
    if (last <= first || last - first > 100) return null;
    return found(context, match.index!, match[0], { year: first }, [tag('year'), tag('lastYear', last)]);
  },
};

/** "fiscal 2025", "fiscal year 2025", "FY2025", "FY 2025": a company's or government's year, not quite the calendar's. */
export const fiscalYearParser: Parser = {
  pattern: () => new RegExp(`\\b(?:fiscal(?:\\s+year)?\\s+|FY\\s?)${YEAR}\\b`),
  extract(context, match) {
    return found(context, match.index!, match[0], { year: Number(match[1]) }, [tag('year'), tag('fiscal')]);
  },
};

/** "the 1990s", "the '90s". */
export const decadeParser: Parser = {
  pattern: () => /\b(?:the\s+)?(?:((?:1[6-9]|20)\d0)|['’](\d0))['’]?s\b/i,
  extract(context, match) {
    const short = match[2];
    const year = match[1] ? Number(match[1]) : Number(short) + (Number(short) < 30 ? 2000 : 1900);
    return found(context, match.index!, match[0], { year }, [tag('decade')]);
  },
};

const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4, latter: 2, back: 2,
};

/** The year a quarter or half belongs to: a number, or "this/next/last year" / "the year" (the current one). */
function yearWordTags(word: string | undefined): string[] {
  if (!word) return [];
  const w = word.toLowerCase();
  return [tag('which', w === 'the' ? 'this' : w)];
}

/** "the third quarter (of 2024 | of next year)", "the final quarter of the year". */
export const quarterParser: Parser = {
  pattern: () =>
    new RegExp(
      `\\b(?:the\\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\\s-]+quarter(?:\\s+of\\s+(?:(the|this|next|last)\\s+year|${YEAR}))?\\b`,
      'i',
    ),
  extract(context, match) {
    const ordinal = match[1]!.toLowerCase();
    // "last quarter" alone is the previous quarter, which the period resolver handles.
    if ((ordinal === 'last' || ordinal === 'final') && !match[2] && !match[3]) return null;
    const components = match[3] ? { year: Number(match[3]) } : {};
    return found(context, match.index!, match[0], components, [tag('quarter', ORDINALS[ordinal]!), ...yearWordTags(match[2])]);
  },
};

/** "Q3", "Q1 2025", "H2 2024" (capital letters only: "q3" is rarely a date). */
export const shortPeriodParser: Parser = {
  pattern: () => new RegExp(`\\b([QH])([1-4])(?:\\s*(?:of\\s+)?${YEAR})?\\b`),
  extract(context, match) {
    const n = Number(match[2]);
    if (match[1] === 'H' && n > 2) return null;
    const components = match[3] ? { year: Number(match[3]) } : {};
    return found(context, match.index!, match[0], components, [tag(match[1] === 'Q' ? 'quarter' : 'half', n)]);
  },
};

/** "the first half of 2025", "the second half of the year". */
export const halfParser: Parser = {
  pattern: () =>
    new RegExp(`\\b(?:the\\s+)?(first|second|latter|back|1st|2nd)\\s+half\\s+of\\s+(?:(the|this|next|last)\\s+year|${YEAR})\\b`, 'i'),
  extract(context, match) {
    const components = match[3] ? { year: Number(match[3]) } : {};
    const half = ORDINALS[match[1]!.toLowerCase()]!;
    return found(context, match.index!, match[0], components, [tag('half', half), ...yearWordTags(match[2])]);
  },
};

/**
 * "last summer", "in the spring", "winter 2023". A season word needs a cue that it is a time
 * ("a spring in her step", "a fall in prices" are not), so a bare one is ignored.
 */
export const seasonParser: Parser = {
  pattern: () =>
    new RegExp(
      `\\b(?:(this|last|next|past|coming)\\s+|(?:in|during|over|by|until|since|through|early|late|mid)[\\s-]+(?:the\\s+)?)?(spring|summer|autumn|fall|winter)(?:\\s+(?:of\\s+)?${YEAR})?\\b`,
      'i',
    ),
  extract(context, match) {
    const [whole, which, season, year] = match;
    const cued = which !== undefined || year !== undefined || whole.length > season!.length;
    if (!cued || (season!.toLowerCase() === 'fall' && !year && !/\bthe\s+fall$|^(this|last|next)/i.test(whole))) return null;
    const start = which ? match.index! : match.index! + whole.toLowerCase().lastIndexOf(season!.toLowerCase());
    const text = context.text.slice(start, match.index! + whole.length);
    const tags = [tag('season', season!.toLowerCase()), ...(which ? [tag('which', which.toLowerCase())] : [])];
    return found(context, start, text, year ? { year: Number(year) } : {}, tags);
  },
};

/** "overnight": the night before the reference, or the coming one in the future tense. */
export const overnightParser: Parser = {
  pattern: () => /\bovernight\b/i,
  extract: (context, match) => found(context, match.index!, match[0], {}, [tag('overnight')]),
};

/**
 * "the year" / "the month" after "end of" or "start of": the current period, which chrono leaves alone.
 * Only the period is the result; the part refiner then reads "end of" before it.
 */
export const periodAfterEdgeParser: Parser = {
  pattern: () => /\b(?:end|start|beginning|middle|close)\s+of\s+(the\s+(week|month|year|quarter))\b/i,
  extract(context, match) {
    const text = match[1]!;
    return found(context, match.index! + match[0].length - text.length, text, {}, [tag('period', match[2]!.toLowerCase()), tag('which', 'this')]);
  },
};

/**
 * Steps from the event told before: "the following week", "days later", "that day", "the same day",
 * "later that night". Chrono counts some of these from the publication date; the step refiner marks
 * them all so the resolver counts from the previous event instead.
 */
export const STEP_PATTERN = new RegExp(
  [
    `(?:(?:\\d+|a couple of|a few|few|several|some|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\\s+)?(?:hour|day|week|month|year)s?\\s+(?:later|afterwards?|earlier|previously|before(?=\\s*[,.;:]|$))`,
    `(?:the\\s+)?(?:next|following|previous|preceding|same)\\s+(?:day|morning|afternoon|evening|night|week|weekend|month|year)`,
    `(?:the\\s+)?(?:day|week|month|year)\\s+(?:before|after)(?=\\s*[,.;]|$)`,
    `(?:later|earlier)\\s+that\\s+(?:day|morning|afternoon|evening|night|week|month|year)`,
    `that\\s+(?:day|morning|afternoon|evening|night|week|month|year)`,
  ].join('|'),
  'i',
);

export const stepParser: Parser = {
  pattern: () => new RegExp(`\\b(?:${STEP_PATTERN.source})`, 'i'),
  extract(context, match) {
    // "the next week" is the week after the reference ("over the next week"), which chrono already reads.
    if (NEXT_PERIOD.test(match[0])) return null;
    return found(context, match.index!, match[0], {}, [tag('step')]);
  },
};

/** "a decade ago", "two decades ago" (chrono knows no decades). */
export const decadesAgoParser: Parser = {
  pattern: () => /\b(?:a|one|two|three|four|five|\d+)\s+decades?\s+ago\b/i,
  extract: (context, match) => found(context, match.index!, match[0], {}, [tag('ago')]),
};

const FIXED_HOLIDAYS: Record<string, [number, number]> = {
  christmas: [12, 25], 'christmas day': [12, 25], 'christmas eve': [12, 24], 'boxing day': [12, 26],
  "new year's day": [1, 1], "new year's eve": [12, 31], "valentine's day": [2, 14], halloween: [10, 31],
  'independence day': [7, 4],
};

/**
 * Holidays: fixed ones ("Christmas Eve", "New Year's Day") become a month and day for the resolver to place
 * by tense; Easter and (US) Thanksgiving move, so they are tagged and computed per year. A bare "Christmas"
 * or "Easter" needs a cue before it ("at Christmas", "over Easter"): "the Christmas market" is no date.
 */
export const holidayParser: Parser = {
  pattern: () =>
    new RegExp(
      `(?:\\b(on|at|over|before|after|since|until|by|during|around|this|last|next)\\s+)?\\b(Christmas(?:\\s+(?:Eve|Day))?|Boxing\\s+Day|New\\s+Year['’]s\\s+(?:Day|Eve)|Valentine['’]s\\s+Day|Halloween|Independence\\s+Day|Memorial\\s+Day|Labor\\s+Day|Easter(?:\\s+(?:Sunday|Monday))?|Good\\s+Friday|Thanksgiving(?:\\s+Day)?)(?:\\s+${YEAR})?\\b`,
    ),
  extract(context, match) {
    const [whole, cue, name, year] = match;
    const key = name!.replace(/\s+/g, ' ').replace('’', "'").toLowerCase();
    const bare = /^(?:christmas|easter|thanksgiving|halloween)$/.test(key);
    if (bare && !cue && !year) return null;
    const start = match.index! + (cue ? whole.indexOf(name!) : 0);
    const text = context.text.slice(start, match.index! + whole.length);
    const fixed = FIXED_HOLIDAYS[key];
    const components = { ...(fixed ? { month: fixed[0], day: fixed[1] } : {}), ...(year ? { year: Number(year) } : {}) };
    return found(context, start, text, components, fixed ? [tag('holiday')] : [tag('holiday', key.replace(/ day$/, ''))]);
  },
};

/** "in the coming weeks", "over the next few months": a stretch from the reference with no count (chrono has none). */
export const stretchParser: Parser = {
  pattern: () => /\b(?:in|over|within|during)\s+the\s+((?:coming|next|past|last)\s+(?:few\s+|several\s+)?(?:days|weeks|months|years))\b/i,
  extract(context, match) {
    const text = match[1]!;
    return found(context, match.index! + match[0].length - text.length, text, {}, [tag('stretch')]);
  },
};

/** Every custom parser, in the order they are added to chrono. */
export const customParsers: Parser[] = [
  yearRangeParser,
  fiscalYearParser,
  bareYearParser,
  decadeParser,
  quarterParser,
  shortPeriodParser,
  halfParser,
  seasonParser,
  overnightParser,
  periodAfterEdgeParser,
  stepParser,
  decadesAgoParser,
  holidayParser,
  stretchParser,
];
