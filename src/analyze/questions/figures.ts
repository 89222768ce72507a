/**
 * Figures in a sentence: a number (digits or words, with "million", "bn", "%", a currency) with what it
 * counts ("1.2 million patients", "three miners were hurt", "£120,000 fine"), its precision and hedge.
 */
import { wordSet, type Token } from './tokens.js';
import type { SentenceView } from './view.js';

export type Bound = 'exact' | 'approx' | 'min' | 'max';

export interface Figure {
  value: number;
  /**
   * Unit of the last significant digit: "1.2 million" → 100,000; "about 1,000" → 1,000; "two" → 1. A whole
   * number written in digits without a hedge ("1,000 passengers") is taken at its word: precision 1.
   */
  precision: number;
  /** As written, without the hedge: "1.2 million", "two", "£120,000", "7%". */
  written: string;
  bound: Bound;
  /** "count", "percent" or a currency ("GBP"). */
  unit: string;
  /** Lemma of the counted noun ("patient"), or null ("killed two"). */
  noun: string | null;
  /** The noun as written, for "How many patients…". */
  nounText: string | null;
  /** What happened to the people counted: "died", "injured"… */
  category: string | null;
  /** For money and percentages: the nearby word that says what the figure is of ("fine", "shares"). */
  about: string | null;
  view: SentenceView;
  /** Token index of the number. */
  index: number;
}

const SMALL = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const WORD_VALUE = new Map<string, number>([...SMALL.map((w, i) => [w, i] as [string, number]), ...TENS.map((w, i) => [w, (i + 2) * 10] as [string, number]), ['dozen', 12]]);
const SCALE = new Map<string, number>([['hundred', 100], ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['m', 1e6], ['mn', 1e6], ['billion', 1e9], ['bn', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12]]);
const CURRENCY_SYMBOL = new Map([['£', 'GBP'], ['$', 'USD'], ['€', 'EUR'], ['¥', 'JPY'], ['₹', 'INR']]);
const CURRENCY_WORD = new Map([['pence', 'GBX'], ['cents', 'USX'], ['pound', 'GBP'], ['pounds', 'GBP'], ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['yen', 'JPY'], ['rupees', 'INR'], ['francs', 'CHF']]);
const PERCENT = wordSet('% percent pct');
/** Units of time and clock words: "60 days", "7.40pm" measure when, not how many. */
const TIME_UNITS = wordSet(`second seconds minute minutes hour hours day days week weeks month months year years decade decades
  century centuries am pm a.m. p.m. o'clock night nights weekend weekends`);
const MONTHS = wordSet('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');
const APPROX = /\b(?:about|around|roughly|approximately|some|nearly|almost|an estimated|estimated|close to|approx\.?)\s*$/i;
const MIN = /\b(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than)\s*$/i;
const MAX = /\b(?:up to|fewer than|less than|under|as many as|no more than|at most)\s*$/i;

/** Lemma sets naming what happened to the people counted; the nearest one in the clause wins. */
const CATEGORIES: Array<[string, Set<string>]> = [
  ['died', wordSet('die died dead death deaths kill killed fatality fatalities fatal toll body bodies')],
  ['injured', wordSet('injure injured injury injuries hurt wound wounded')],
  ['hospital', wordSet('hospital hospitalise hospitalised hospitalize hospitalized')],
  ['missing', wordSet('missing unaccounted')],
  ['arrested', wordSet('arrest arrested detain detained')],
  ['evacuated', wordSet('evacuate evacuated evacuation displace displaced')],
  ['rescued', wordSet('rescue rescued')],
];
/** Nouns that count people: figures of them with the same category measure the same thing. */
export const PEOPLE = wordSet(`people person persons worker workers employee employees staff resident residents civilian
  civilians child children adult adults patient patients passenger passengers soldier soldiers troop troops officer
  officers firefighter firefighters student students pupil pupils victim victims man men woman women member members
  protester protesters migrant migrants tourist tourists crew customer customers individual individuals casualty
  casualties miner miners fan fans spectator spectators inmate inmates prisoner prisoners`);

/** Every figure in the sentence that counts or measures something (dates, times, ages and page numbers left out). */
export function figuresOf(view: SentenceView): Figure[] {
  if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty|dozen)/i.test(view.text)) return [];
  const { tokens } = view;
  const out: Figure[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const read = readNumber(tokens, i);
    if (!read) continue;
    const figure = figureAt(view, i, read);
    if (figure) out.push(figure);
    i = read.end - 1;
  }
  return out;
}

interface Reading {
  value: number;
  precision: number;
  /** Token after the number and its scale word. */
  end: number;
  unit: string;
  /** Token where the written figure starts (a currency symbol before the number). */
  start: number;
}

/** The number starting at token i ("1.2 million", "twenty-five", "£3m", "a dozen"), or null. */
function readNumber(tokens: Token[], i: number): Reading | null {
  const t = tokens[i]!;
  let value: number;
  let precision: number;
  let end = i + 1;
  if (t.type === 'number' && /^\d[\d,]*(?:\.\d+)?$/.test(t.text)) {
    const digits = t.text.replace(/,/g, '');
    value = Number(digits);
    const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
    const zeros = decimals ? 0 : (/0*$/.exec(digits)![0].length);
    precision = decimals ? 10 ** -decimals : 10 ** Math.min(zeros, Math.max(0, digits.length - 1));
  } else if (WORD_VALUE.has(t.lower) && (t.pos === 'NUM' || t.lower === 'dozen')) {
    value = WORD_VALUE.get(t.lower)!;
    precision = 1;
    // "twenty-five"
    if (TENS.includes(t.lower) && tokens[end]?.text === '-' && WORD_VALUE.get(tokens[end + 1]?.lower ?? '')! < 10) {
      value += WORD_VALUE.get(tokens[end + 1]!.lower)!;
      end += 2;
    }
  } else return null;
  const scale = SCALE.get(tokens[end]?.lower ?? '');
  if (scale && tokens[end]!.start === t.end && /^(?:m|k|bn|b|mn|tn)$/.test(tokens[end]!.lower)) end++;
  else if (scale && /^(?:hundred|thousand|million|billion|trillion)$/.test(tokens[end]!.lower)) end++;
  if (scale && end > i + 1) {
    value *= scale;
    precision *= scale;
  }
  let unit = 'count';
  let start = i;
  const symbol = CURRENCY_SYMBOL.get(tokens[i - 1]?.text ?? '');
  if (symbol) {
    unit = symbol;
    start = i - 1;
  }
  const after = tokens[end];
  if (after && PERCENT.has(after.lower)) {
    unit = 'percent';
    end++;
  } else if (after && after.lower === 'per' && tokens[end + 1]?.lower === 'cent') {
    unit = 'percent';
    end += 2;
  } else if (after && CURRENCY_WORD.has(after.lower)) {
    unit = CURRENCY_WORD.get(after.lower)!;
    end++;
  }
  return { value, precision, end, unit, start };
}

function figureAt(view: SentenceView, i: number, read: Reading): Figure | null {
  const { tokens, text } = view;
  if (isNotAQuantity(tokens, i, read)) return null;
  // The hedge words sit just before the figure: a short window keeps a sentence of many figures linear.
  const lead = text.slice(Math.max(0, tokens[read.start]!.start - 40), tokens[read.start]!.start);
  const bound: Bound = MIN.test(lead) ? 'min' : MAX.test(lead) ? 'max' : APPROX.test(lead) ? 'approx' : 'exact';
  const written = text.slice(tokens[read.start]!.start, tokens[read.end - 1]!.end);
  const counted = countedNoun(tokens, read.end);
  const noun = read.unit === 'count' ? counted : null;
  const category = noun === null || PEOPLE.has(noun.text.toLowerCase()) ? categoryNear(tokens, i, read.end) : null;
  if (read.unit === 'count' && !noun && !category) return null;
  const about = read.unit === 'count' ? null : aboutWord(tokens, read.start, read.end);
  // "1,000" beside "1,200" is a disagreement, not a rounding: trailing zeros count as rounding only when hedged
  // ("about 1,000") or when the figure is written rounded ("1.2 million", "3bn").
  const plainDigits = /^\d[\d,]*$/.test(written);
  return {
    value: read.value,
    precision: plainDigits && bound === 'exact' ? 1 : read.precision,
    written: /^[A-Za-z]/.test(written) ? written.toLowerCase() : written,
    bound,
    unit: read.unit,
    noun: noun ? noun.lemma : null,
    nounText: noun ? noun.text : null,
    category,
    about,
    view,
    index: i,
  };
}

/** Dates, times, ages, years, page and model numbers, "one of", "four of whom", "94-page". */
function isNotAQuantity(tokens: Token[], i: number, read: Reading): boolean {
  const next = tokens[read.end];
  const previous = tokens[read.start - 1];
  const t = tokens[i]!;
  if (next && (TIME_UNITS.has(next.lower) || /^\d*(?:am|pm)$/i.test(next.text) || next.text === ':' || /^[.:]\d/.test(next.text))) return true;
  if (next && next.text === '-' && next.start === tokens[read.end - 1]!.end) return true;
  if (next && next.lower === 'of' && /^(?:whom|them|which|those|these|us|the|its|their)$/.test(tokens[read.end + 1]?.lower ?? '')) return true;
  if (t.lower === 'one' && next?.lower === 'of') return true;
  if (previous && (MONTHS.has(previous.lower) || /^(?:page|no|number|article|section|chapter|room|route|flight|gate|platform|model|version)$/i.test(previous.lower))) return true;
  if (next && MONTHS.has(next.lower)) return true;
  if (previous && previous.pos === 'PROPN' && /^[A-Z]/.test(previous.text) && read.unit === 'count' && read.start === i) return true;
  // A bare year: "in 2019", "since 2014".
  if (read.unit === 'count' && /^(?:1[89]|20)\d\d$/.test(t.text) && read.end === i + 1) return true;
  return false;
}

/** The noun the number counts: "1.2 million patients", "two neighbouring tanks", "1.2 million of its customers". */
function countedNoun(tokens: Token[], from: number): Token | null {
  let k = from;
  if (tokens[k]?.lower === 'of') {
    k++;
    while (tokens[k] && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'PRON')) k++;
  }
  for (let n = 0; n < 3 && tokens[k]; n++, k++) {
    const t = tokens[k]!;
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && PEOPLE.has(t.lower))) {
      // "two neighbouring tanks": the last noun of a compound ("solvent storage halls") is the head.
      while (tokens[k + 1]?.pos === 'NOUN') k++;
      return tokens[k]!;
    }
    if (t.pos !== 'ADJ' && t.pos !== 'ADV' && t.text !== '-') return null;
  }
  return null;
}

/** The nearest word in the clause saying what happened to the people counted ("killed", "injured"). */
function categoryNear(tokens: Token[], i: number, end: number): string | null {
  let best: { category: string; distance: number } | null = null;
  const consider = (k: number, distance: number): boolean => {
    const t = tokens[k];
    if (!t || /^[.;:,]$/.test(t.text) && distance > 1) return false;
    for (const [category, words] of CATEGORIES) {
      if ((words.has(t.lower) || words.has(t.lemma)) && (!best || distance < best.distance)) best = { category, distance };
    }
    return true;
  };
  for (let d = 1; d <= 8; d++) if (!consider(end - 1 + d, d)) break;
  for (let d = 1; d <= 6; d++) if (!consider(i - d, d)) break;
  return (best as { category: string } | null)?.category ?? null;
}

/** What money or a percentage is of: a noun right after ("£2m contract"), else the nearest noun or verb before. */
function aboutWord(tokens: Token[], start: number, end: number): string | null {
  const after = tokens[end];
  if (after && after.pos === 'NOUN' && !SCALE.has(after.lower)) return after.lemma;
  if (after?.lower === 'of') {
    const noun = countedNoun(tokens, end);
    if (noun) return noun.lemma;
  }
  for (let k = start - 1; k >= 0 && start - k <= 5; k--) {
    const t = tokens[k]!;
    if (/^[.;:]$/.test(t.text)) break;
    if (t.pos === 'NOUN' && !SCALE.has(t.lower)) return t.lemma;
    if (t.pos === 'VERB' || t.pos === 'NUM') return null;
  }
  return null;
}
