/**
 * The chrono-node set-up for news: the casual English parser plus the custom parsers and refiners,
 * with the reference at noon UTC so no time zone moves a calendar date. Results keep chrono's own
 * components; the resolver turns them into calendar spans.
 */
import * as chrono from 'chrono-node';
import type { ParsingResult } from 'chrono-node';
import { customParsers } from './parsers.js';
import { customRefiners } from './refiners.js';

/**
 * Replaced by the custom ones: chrono's end-of-period refiner turns "end of March" into March 31, where
 * news means late March unless it says "by the end of" (the part refiner tells them apart); and its
 * unlikely-format filter drops every all-digit result, bare years included (the no-date filter keeps them).
 */
const REPLACED = new Set(['ENEndOfPeriodRefiner', 'ENEndOfCurrentMonthParser', 'UnlikelyFormatFilter']);

function newsChrono(): chrono.Chrono {
  const c = chrono.casual.clone();
  c.parsers = [...c.parsers.filter((p) => !REPLACED.has(p.constructor.name)), ...customParsers];
  c.refiners = [...c.refiners.filter((r) => !REPLACED.has(r.constructor.name)), ...customRefiners];
  return c;
}

let instance: chrono.Chrono | undefined;

/** Every date expression chrono (with the news additions) finds in a text, relative to an ISO reference day. */
export function recognise(text: string, reference: string): ParsingResult[] {
  instance ??= newsChrono();
  const [y, m, d] = reference.slice(0, 10).split('-').map(Number);
  const instant = new Date(Date.UTC(y!, m! - 1, d!, 12));
  // chrono's typings say ParsedResult; the objects are ParsingResults, whose tags and components we read.
  return instance.parse(text, { instant, timezone: 0 }) as ParsingResult[];
}
