/**
 * Who said it: the attribution around a report ("…, police said", "A spokesperson said that…",
 * "according to the ministry"). A date there dates the saying, not the event; the words can be trimmed from an
 * event's text where what is left still stands alone.
 */
import type { DateMention } from './index.js';
import type { Range } from './clauses.js';

const ATTRIBUTION_VERBS =
  'said|says|told|confirmed|added|announced|reported|stated|wrote|tweeted|explained|noted|warned|insisted|argued|claimed|acknowledged|admitted';
/** ", the coastguard said." / "— the agency first reported Monday." / ", according to the ministry." at the end of a sentence. */
const TRAILING_ATTRIBUTION = new RegExp(
  `(?:,|\\s[—–]|\\s--)\\s+(?:according\\s+to\\b[^,;"“”]{1,80}|[^,;"“”]{1,90}?\\s(?:${ATTRIBUTION_VERBS})\\b[^,;"“”]{0,80}?)[.!?]?$`,
);
/** "A spokesperson said (that) …" at the start of a sentence ("were told to" is no attribution). */
const LEADING_ATTRIBUTION = new RegExp(`^[A-Z][^,;"“”]{0,90}?\\s(?<!\\b(?:was|were|been|being|is|are)\\s)(?:${ATTRIBUTION_VERBS})\\b`);
/** "… told reporters Thursday that": up to six words (not starting with a pronoun) and "that". */
const THAT_AFTER_VERB = /^(?!\s+(?:it|he|she|they|we|i|you)\b)(?:\s+[^\s,;"“”]+){0,6}?\s+that\b/i;
/** A remainder opening with a preposition is the attribution's own adjunct ("said on Twitter …"). */
const NOT_A_SUBJECT = /^(?:on|in|at|during|after|before|to|for|with|by|from|of|as|about|via|through)\b/i;
/** Words that would leave a trimmed clause without its referent: "it had closed…" needs "The operator said". */
const OPENS_WITH_PRONOUN = /^(?:it|he|she|they|we|i|you|his|her|its|their|our|this|that|these|those|there)\b/i;
/** A date right after a verb of saying dates the saying: "said on Tuesday (that)…", "told reporters Monday". */
const SAYING_BEFORE = new RegExp(`\\b(?:${ATTRIBUTION_VERBS})(?:\\s+(?!on\\b|in\\b|at\\b)[A-Za-z.’']+){0,3}?\\s+(?:earlier\\s+|late\\s+)?$`);

export interface Attribution {
  /** Where the sources are named: a date here dates the saying, not the event. */
  ranges: Range[];
  /** The same, less a leading attribution whose removal would leave a dangling pronoun ("it had…"). */
  removable: Range[];
}

/** Leading "X said (on Monday) (that)" and trailing ", X said." spans. */
export function attributionRanges(sentence: string, mentions: DateMention[]): Attribution {
  const ranges: Range[] = [];
  const removable: Range[] = [];
  const trailing = TRAILING_ATTRIBUTION.exec(sentence);
  if (trailing) ranges.push({ start: trailing.index, end: sentence.length });
  removable.push(...ranges);
  // "The operator, which…, said on Tuesday it would…": dates the saying wherever the verb stands.
  for (const m of mentions) {
    if (SAYING_BEFORE.test(sentence.slice(Math.max(0, m.index - 60), m.index))) ranges.push({ start: m.index, end: m.index + m.text.length });
  }
  const leading = LEADING_ATTRIBUTION.exec(sentence);
  if (leading) {
    let end = leading[0].length;
    // "told reporters on Thursday that", "said in a statement that": the attribution runs to "that".
    const that = THAT_AFTER_VERB.exec(sentence.slice(end));
    if (that) end += that[0].length;
    else {
      // "said earlier on Monday …": the date of the saying belongs to the attribution.
      const date = mentions.find((m) => /^\s+(?:earlier\s+|later\s+)?$/.test(sentence.slice(end, m.index)));
      if (date) end = date.index + date.text.length;
    }
    const rest = sentence.slice(end).trimStart();
    ranges.push({ start: 0, end });
    // Trim only what leaves a clause that stands alone: not "it had…", not "on Twitter…", not "reporters…".
    const told = /\btold$/.test(leading[0]);
    const dangling = OPENS_WITH_PRONOUN.test(rest) || /^["“]/.test(rest) || NOT_A_SUBJECT.test(rest) || rest.length === 0;
    if (!dangling && !(told && !that)) removable.push({ start: 0, end });
  }
  return { ranges, removable };
}
