/**
 * A headline written from a sentence, as an editor would from the bottom line when no source has a usable
 * headline: the main clause, without its attribution ("X said Monday (that)"), time phrases ("on Friday",
 * "late Thursday") and trailing subordinate clauses (", days after …", ", which …"), in headline style
 * (no leading article, no "is"/"was" before the verb), fitted to the word budget at a phrase boundary.
 */
import { posTokens, type PosToken } from '../nlp.js';
import { wordCount } from '../corpus.js';
import { fitHeadline, MAX_HEADLINE_WORDS, trimEnd } from './fit.js';

/** Verbs that attribute a clause to someone: the clause, not the saying, is the news. */
const REPORTING = new Set(
  'say tell announce report state confirm claim add warn insist allege note explain argue acknowledge admit estimate disclose reveal believe'.split(' '),
);
/** Reporting verbs that take the person told as an object first ("told reporters that …"). */
const TELLING = new Set(['tell', 'inform', 'assure', 'notify', 'warn']);
/** Nouns ending a phrase that says where something was said ("in a statement", "at a news conference"). */
const OCCASIONS = new Set('statement interview conference briefing release post letter speech report video message address appearance hearing'.split(' '));
/** Subject pronouns of a reported clause, replaced by the subject of the attribution ("X said it …" → "X …"). */
const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she']);

const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday';
const MONTHS = 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
const DAY_NAMES = new Set(WEEKDAYS.split(' '));
const MONTH_NAMES = new Set(MONTHS.split(' '));
/** Words that alone name the time of the news: dropped from a headline. */
const TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'overnight']);
/** Words that make a time phrase of the noun after them ("this morning", "last week", "late Friday"). */
const TIME_LEADS = new Set(['on', 'late', 'early', 'earlier', 'later', 'last', 'this', 'next']);
const DAY_PARTS = new Set(['morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year']);
/** Words that open a clause after a comma or dash: what follows only adds to the main clause. */
const CLAUSE_OPENERS = new Set(
  'after before as while when whereas which who whose where because since although though despite amid following according but and or so prompting saying adding citing leaving raising sparking bringing making'.split(' '),
);

/** A headline for `sentence`, at most `maxWords` words; empty only when the sentence has no words. */
export function headlineFrom(sentence: string, maxWords = MAX_HEADLINE_WORDS): string {
  let text = sentence.replace(/\s+/g, ' ').trim();
  text = dropLeadingAccordingTo(text);
  text = dropTrailingClauses(text);
  text = dropAttribution(text);
  text = dropTimePhrases(text);
  text = headlineStyle(text);
  const fitted = fitHeadline(capitalise(text), maxWords);
  return wordCount(fitted) >= 2 ? fitted : fitHeadline(trimEnd(sentence), maxWords);
}

/** "According to police, two people died" → "two people died". */
function dropLeadingAccordingTo(text: string): string {
  const m = /^according to [^,]{1,60},\s*/i.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/**
 * Cut at the first comma, semicolon or spaced dash after the main verb where a subordinate or coordinate clause
 * starts, or where the rest is a trailing attribution (", officials said Monday").
 */
function dropTrailingClauses(text: string): string {
  const tokens = posTokens(text);
  const verb = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verb < 0) return text;
  for (let i = verb + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!(t.pos === 'PUNCT' && /^(?:[,;]|[-–—]{1,2})$/.test(t.text)) || !/\s/.test(text[t.end] ?? '')) continue;
    const rest = tokens.slice(i + 1);
    if (opensClause(rest) || isAttributionTail(rest)) return text.slice(0, t.start);
  }
  return text;
}

/** ", days after …", ", which …", ", saying …", ", and closed …": a clause that hangs on the main one. */
function opensClause(rest: PosToken[]): boolean {
  const [first] = rest;
  if (!first) return false;
  if (CLAUSE_OPENERS.has(first.lower) || first.pos === 'SCONJ') return true;
  // "two days after", "hours before", "a week after": a time span leading a subordinate clause.
  const span = rest.slice(0, 3).findIndex((t) => ['after', 'before', 'since'].includes(t.lower));
  if (span > 0 && rest.slice(0, span).every((t) => ['NOUN', 'NUM', 'DET', 'ADJ'].includes(t.pos))) return true;
  return first.pos === 'VERB' && first.lower.endsWith('ing');
}

/** "officials said", "police said on Friday", "said the council": what remains only says who said it. */
function isAttributionTail(rest: PosToken[]): boolean {
  if (rest.length === 0 || rest.length > 10) return false;
  const verbs = rest.filter((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return verbs.length === 1 && REPORTING.has(verbs[0]!.lemma) && rest.every((t) => t.pos !== 'SCONJ');
}

/**
 * "X said Monday it will close …" → "X will close …"; "Police told reporters that two people died" → "two people
 * died". Kept as it is when what follows the verb is no clause of its own ("announced a new centre").
 */
function dropAttribution(text: string): string {
  const tokens = posTokens(text);
  const v = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const verb = tokens[v];
  if (!verb || v === 0 || !REPORTING.has(verb.lemma)) return text;
  const subject = tokens.slice(0, v);
  if (subject.some((t) => t.pos === 'PUNCT' && t.text !== '.' && t.text !== "'") || wordCount(text.slice(0, verb.start)) > 8) return text;
  let j = v + 1;
  if (TELLING.has(verb.lemma)) while (tokens[j] && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(tokens[j]!.pos)) j++;
  j = skipAdjuncts(tokens, j);
  if (tokens[j]?.lower === 'that') j++;
  const start = tokens[j];
  if (!start) return text;
  const clause = tokens.slice(j);
  if (!clause.some((t) => t.pos === 'VERB' || t.pos === 'AUX') || clause.length < 3) return text;
  const rest = text.slice(start.start);
  const next = tokens[j + 1];
  if (SUBJECT_PRONOUNS.has(start.lower) && next && (next.pos === 'VERB' || next.pos === 'AUX')) {
    return `${text.slice(0, verb.start).trim()} ${text.slice(next.start)}`;
  }
  return rest;
}

/** Skip time phrases and "in a statement"-like phrases after a reporting verb; the index of the next word. */
function skipAdjuncts(tokens: PosToken[], from: number): number {
  let j = from;
  for (;;) {
    const time = timePhraseAt(tokens, j);
    if (time > j) {
      j = time;
      continue;
    }
    const t = tokens[j];
    if (t && ['in', 'at', 'on', 'during'].includes(t.lower)) {
      let k = j + 1;
      while (tokens[k] && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(tokens[k]!.pos) && k - j <= 5) {
        if (OCCASIONS.has(tokens[k]!.lemma)) return skipAdjuncts(tokens, k + 1);
        k++;
      }
    }
    return j;
  }
}

/** End index of a time phrase starting at `i` ("on Friday night", "late Thursday", "on Nov. 15"), or `i` when none. */
function timePhraseAt(tokens: PosToken[], i: number): number {
  let j = i;
  const lead = tokens[j];
  if (!lead) return i;
  if (TIME_WORDS.has(lead.lower)) return j + 1;
  if (TIME_LEADS.has(lead.lower)) j++;
  const head = tokens[j];
  if (!head) return i;
  if (DAY_NAMES.has(head.lower)) {
    j++;
    if (tokens[j] && DAY_PARTS.has(tokens[j]!.lower)) j++;
  } else if (MONTH_NAMES.has(head.lower.replace(/\.$/, '')) && tokens[j + 1]?.pos === 'NUM') {
    j += 2;
  } else if (head.pos === 'NUM' && MONTH_NAMES.has(tokens[j + 1]?.lower.replace(/\.$/, '') ?? '')) {
    j += 2;
  } else if (j > i && lead.lower !== 'on' && DAY_PARTS.has(head.lower)) {
    j++;
  } else return i;
  // "Thursday's fire": the day names the thing, not the time of the news.
  if (tokens[j]?.text === "'s" || tokens[j]?.text === '’s') return i;
  while (tokens[j]?.text === '.') j++;
  if (tokens[j]?.text === ',' && tokens[j + 1]?.pos === 'NUM' && /^\d{4}$/.test(tokens[j + 1]!.text)) j += 2;
  return j;
}

/** The text without its time phrases. */
function dropTimePhrases(text: string): string {
  const tokens = posTokens(text);
  let out = '';
  let at = 0;
  for (let i = 0; i < tokens.length; ) {
    const end = timePhraseAt(tokens, i);
    if (end > i) {
      out += text.slice(at, tokens[i]!.start);
      at = tokens[end - 1]!.end;
      i = end;
    } else i++;
  }
  return (out + text.slice(at)).replace(/\s+([,.;:])/g, '$1').replace(/\s+/g, ' ').trim();
}

/** Headline style: no leading article, no "is"/"was"/"has been" before the main verb ("Man arrested"), "had died" → "died". */
function headlineStyle(text: string): string {
  let tokens = posTokens(text);
  let out = text;
  const first = tokens[0];
  if (first && ['the', 'a', 'an'].includes(first.lower) && tokens[1] && tokens[1].pos !== 'PUNCT') {
    out = out.slice(tokens[1].start);
    tokens = posTokens(out);
  }
  // The first auxiliary, not the first verb: wink may tag a gerund in the subject as one ("shipping is barred").
  const aux = tokens.findIndex((t) => t.pos === 'AUX');
  const a = tokens[aux];
  if (!a || aux === 0 || tokens.slice(0, aux).some((t) => t.pos === 'PUNCT')) return out;
  let k = aux;
  if (['has', 'have'].includes(a.lower) && tokens[k + 1]?.lower === 'been') k++;
  // Reported speech shifts tenses back ("said two people had died"); the headline says "died".
  else if (a.lower === 'had' && tokens[k + 1]?.lower.endsWith('ed')) k = aux;
  else if (!['is', 'are', 'was', 'were'].includes(a.lower)) return out;
  const verb = tokens[k + 1];
  // A verb right after "is"/"was" is a participle ("was arrested", "is closing"); "is open", "was a fire" keep theirs.
  // wink tags some participles as adjectives ("is barred"); "is open", "is ready" are no participles.
  if (!verb || !(verb.pos === 'VERB' || (verb.pos === 'ADJ' && verb.lower.endsWith('ed')))) return out;
  return `${out.slice(0, a.start).trim()} ${out.slice(verb.start)}`;
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}
