/**
 * A day as a conflict question shows it: as the source wrote it when it names the day ("3 March",
 * "March 10, 2025"); a weekday or "yesterday" becomes its calendar day ("Thursday, December 3"), so the
 * reader sees which days the sources mean.
 */

const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/i;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The day `start` (ISO) that a source wrote as `when`; `dayFirst` for "3 March" rather than "March 3",
 * `withYear` when the days compared fall in different years.
 */
export function writtenDay(when: string, start: string, dayFirst: boolean, withYear: boolean): string {
  const written = when.replace(/^(?:(?:on|at|in|of|for|during|the)\s+)+/i, '').trim();
  if (/\d/.test(written) && MONTH.test(written)) return written;
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  const date = dayFirst ? `${day} ${MONTH_NAMES[month - 1]}` : `${MONTH_NAMES[month - 1]} ${day}`;
  const dated = withYear ? `${date}${dayFirst ? '' : ','} ${year}` : date;
  return dayFirst ? `${weekday} ${dated}` : `${weekday}, ${dated}`;
}

/** Whether texts write "3 March" (positive) or "March 3" (negative) more often; 0 when they do not tell. */
export function dayFirstBalance(texts: string[]): number {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const t of texts) {
    dayFirst += (t.match(/\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi) ?? []).length;
    monthFirst += (t.match(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/gi) ?? []).length;
  }
  return dayFirst - monthFirst;
}

/** Whether a date expression names its month ("3 March", "Dec. 4"): a weekday alone does not. */
export function namesMonth(when: string): boolean {
  return MONTH.test(when);
}
