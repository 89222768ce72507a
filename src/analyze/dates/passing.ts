/**
 * Dates a sentence mentions in passing, which date no event of the story: a year that only measures a
 * comparison ("the first time since 1917", "higher than in 2019", "up from a year ago") and a duration
 * counted from now ("in five years", "within two months"), which says how long, not when.
 */
import type { DateMention } from './index.js';

/** "first … since", "worst … since", "highest level since", "record since", "ever since": a measure, not an event. */
const MEASURED_SINCE = /\b(?:first|last|only|ever|record|most|least|best|worst|\w{3,}est|times)\b(?:\s+[\w’'-]+){0,5}\s*$/i;
/** The base of a comparison: "than (in) 2019", "compared with 2019", "up from a year ago", "versus 2019". */
const COMPARISON_BEFORE = /\b(?:than|compared\s+(?:with|to)|versus|vs\.?|(?:up|down|rising|falling|rose|fell)\s+from)\s*$/i;
const FROM_AGO = /^from\s+(?:a|one|two|three|\w+)\s+(?:years?|quarters?|months?)\s+(?:ago|earlier|before)$/i;
/** "in five years", "within two months", "over the next decade", "for three years": how long, not when. */
const DURATION = /^(?:in|within|over|for)\s+(?:the\s+(?:next|coming|past|last)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+few|several|\d+)?\s*(?:years?|decades?|months?|centuries|century)$/i;

/** Whether a date mention in `sentence` dates nothing the story reports (see above). */
export function isPassingMention(sentence: string, m: DateMention): boolean {
  const before = sentence.slice(Math.max(0, m.index - 60), m.index);
  const text = m.text.trim();
  if (/^since\b/i.test(text) && MEASURED_SINCE.test(before)) return true;
  if (COMPARISON_BEFORE.test(before) || /^than\b/i.test(text) || FROM_AGO.test(text)) return true;
  return DURATION.test(text);
}
