/**
 * Publication dates found in metadata, bylines and datelines, normalised to ISO calendar dates (YYYY-MM-DD).
 * A timestamp keeps its own calendar date (no conversion to UTC or to the machine's zone); a date without a
 * year takes the year that puts it on or before the reference date.
 */
import * as chrono from 'chrono-node';

/** How far after the reference date a year-less date may fall and still count as this year (time zones, late briefs). */
const YEARLESS_SLACK_DAYS = 7;

const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The calendar date a metadata value or a byline/dateline fragment names, as YYYY-MM-DD; undefined when it
 * names none (a bare weekday or a time alone is not a date). `referenceDate` (YYYY-MM-DD) completes a missing year.
 */
export function normalizeDate(text: string, referenceDate: string): string | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return validDate(year, month, day) ? format(year, month, day) : undefined;
  }
  const compact = /^\s*(\d{4})(\d{2})(\d{2})\s*$/.exec(text);
  if (compact) {
    const [year, month, day] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
    return validDate(year, month, day) ? format(year, month, day) : undefined;
  }
  const reference = referenceParts(referenceDate);
  const instant = new Date(Date.UTC(reference.year, reference.month - 1, reference.day, 12));
  for (const result of chrono.strict.parse(text, { instant, timezone: 0 })) {
    const start = result.start;
    if (!start.isCertain('day') || !start.isCertain('month')) continue;
    const month = start.get('month');
    const day = start.get('day');
    if (month === null || day === null) continue;
    const year = start.isCertain('year') ? start.get('year') : yearOnOrBefore(month, day, reference);
    if (year !== null && validDate(year, month, day)) return format(year, month, day);
  }
  return undefined;
}

interface Parts {
  year: number;
  month: number;
  day: number;
}

function referenceParts(referenceDate: string): Parts {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(referenceDate);
  if (!m) throw new RangeError(`reference date must be YYYY-MM-DD, got "${referenceDate}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The reference year, or the one before when the date would otherwise fall (beyond the slack) after the reference. */
function yearOnOrBefore(month: number, day: number, reference: Parts): number {
  const ref = Date.UTC(reference.year, reference.month - 1, reference.day);
  const candidate = Date.UTC(reference.year, month - 1, day);
  return candidate - ref > YEARLESS_SLACK_DAYS * 86_400_000 ? reference.year - 1 : reference.year;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
