/**
 * Word lists for open questions. General English only: what makes an item matter (a decision, a vote,
 * a hearing, a finding) and which nouns name events whose outcome a reader waits for.
 */
import { wordSet, type Token } from './tokens.js';

/** Lemmas of outcomes a reader waits for: decisions, votes, rulings, findings, sanctions, deals. */
export const OUTCOME_LEMMAS = wordSet(`decide decision vote ballot referendum election hearing trial verdict ruling rule
  judgment judgement appeal sentence charge prosecute prosecution court tribunal inquiry investigation investigate
  investigator inquest probe review report finding findings publish release announce announcement sanction sanctions
  response respond retaliate retaliation talks negotiate negotiation meeting meet summit deal agreement sign approve
  approval reject rejection consider debate compensation compensate fine penalty plan proposal legislation bill law
  deadline resign resignation strike reopen resume closure determine conclude outcome result results settle
  settlement lawsuit sue damages ceasefire withdraw withdrawal invade invasion deploy escalate recall vote`);

/** Event nouns and what a reader asks of each: "What will the hearing decide?" */
export const EVENT_QUESTION: Record<string, string> = {
  hearing: 'decide',
  trial: 'decide',
  tribunal: 'decide',
  appeal: 'decide',
  court: 'decide',
  vote: 'decide',
  ballot: 'decide',
  referendum: 'decide',
  election: 'decide',
  talks: 'produce',
  meeting: 'produce',
  summit: 'produce',
  negotiations: 'produce',
  conference: 'produce',
  session: 'produce',
  inquiry: 'find',
  investigation: 'find',
  inquest: 'find',
  review: 'find',
  report: 'find',
  audit: 'find',
  probe: 'find',
  study: 'find',
  announcement: 'say',
  statement: 'say',
  ruling: 'say',
  verdict: 'say',
  decision: 'say',
};

/** Nouns for an investigation under way: "opened an inquiry" leaves open what it will find. */
export const INVESTIGATION_NOUNS = wordSet('inquiry investigation inquest probe review audit');

/** Heads of a subject that name a cause or reason: "the cause of the fire is unknown" → "What was the cause…?" */
export const CAUSE_NOUNS = wordSet('cause causes reason reasons origin circumstances motive');

/** How many outcome words the tokens hold (each lemma once). */
export function outcomeWords(tokens: Token[], from = 0, to = tokens.length): number {
  const seen = new Set<string>();
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const singular = t.lower.replace(/s$/, '');
    if (OUTCOME_LEMMAS.has(t.lemma) || OUTCOME_LEMMAS.has(t.lower) || OUTCOME_LEMMAS.has(singular)) seen.add(singular);
  }
  return seen.size;
}

/**
 * Verbs with a reversed counterpart: each lemma names its concept and whether it asserts (+1) or reverses it (-1),
 * so "denied" (S2) answers "confirmed" (S1) the way "did not confirm" would. General English pairs only.
 */
export const POLAR_VERBS = new Map<string, Polar>([
  ...polar('confirm', 'confirm admit acknowledge', 'deny'),
  ...polar('approve', 'approve accept endorse ratify', 'reject block veto'),
  ...polar('rise', 'rise increase climb grow', 'fall decrease drop decline shrink'),
  ...polar('win', 'win', 'lose'),
  ...polar('open', 'open reopen', 'close shut'),
  ...polar('convict', 'convict', 'acquit'),
  ...polar('allow', 'allow permit', 'ban forbid prohibit'),
  ...polar('support', 'support', 'oppose'),
]);

type Polar = { concept: string; sign: 1 | -1 };

function polar(concept: string, plus: string, minus: string): Array<[string, Polar]> {
  const of = (list: string, sign: 1 | -1) => [...wordSet(list)].map((w): [string, Polar] => [w, { concept, sign }]);
  return [...of(plus, 1), ...of(minus, -1)];
}

/** Concepts whose truth changes from day to day (prices rise one day and fall the next): compared only within a day. */
export const CHANGING_CONCEPTS = wordSet('rise open');

/** Verbs of telling: "did not confirm" / "has not named" is silence, not a denial, so their negations assert nothing. */
export const TELLING_VERBS = wordSet(`say tell disclose reveal explain confirm specify identify release announce indicate
  determine establish clarify detail name comment elaborate know publish report respond reply answer return`);

/** Verbs that leave the clause after them unasserted: "denied that troops had crossed", "alleged that…", "asked whether…". */
export const NON_ASSERTING_VERBS = wordSet(`deny dispute doubt question reject refute allege claim suggest speculate hope fear
  want ask urge demand wonder rumour rumor expect predict believe think`);

/**
 * Events that happen once to the same subject: two dates for "X died" or "the court ruled" cannot both be right.
 * Meetings, talks, protests and attacks recur, so they are left out.
 */
export const ONCE_VERBS = wordSet(`die kill murder bear marry resign retire elect appoint inaugurate swear sentence convict
  acquit rule arrest charge indict extradite execute found launch sign ratify veto collapse sink capsize derail explode
  erupt crash bury divorce abdicate`);

/** Scheduled events a story has one of, dated by a light verb ("the hearing is on", "the vote will take place on"). */
export const SCHEDULED_NOUNS = wordSet(`hearing trial retrial inquest sentencing verdict ruling judgment judgement vote ballot
  referendum election funeral wedding inauguration ceremony coronation launch opening summit debate deadline`);

/** Verbs that only place an event in time: "is on", "takes place on", "was held on", "is set for". */
export const LIGHT_VERBS = wordSet('be take hold set schedule due expect plan begin start happen occur come go fix slate');

/** Words saying an event recurs or is one of several: with them two dates may both be right. */
export const REPEATED = wordSet(`again another second third fourth fifth latest further fresh new first final last next
  previous earlier later each every daily weekly monthly annual also too resume resumed continue continued round rounds`);

/** Words saying a date was changed or corrected ("postponed", "originally set for", "now"): the old and new dates are no conflict. */
export const MOVED = /\b(?:postpon|reschedul|delay|adjourn|defer|moved\b|move\b|brought forward|pushed back|put back|put off|originally|initially|previously|now\b|instead|revis|correct|amend)/i;

/** Words of dates: compared separately, so left out of the words two claims must share. */
export const DATE_WORDS = wordSet(`monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight january
  february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`);
