/**
 * Dates in the PDF. Labels come from the writers' shared date-labels module, so the PDF and the
 * Markdown print the same "Mon 21 Feb 2022" or "early Jan 2022"; only the metadata date is PDF's own.
 */
import { DateTime } from 'luxon';

export { dayLabel, longDateLabel, spanLabel } from '../date-labels.js';

/** Midnight UTC of an ISO date (the PDF's fixed creation date), or null if it is not one. */
export function dateAtMidnightUtc(iso: string): Date | null {
  const d = DateTime.fromISO(iso, { zone: 'utc' });
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && d.isValid ? d.toJSDate() : null;
}
