/**
 * Feed dates: RFC 822 (RSS pubDate) and ISO 8601 / RFC 3339 (Atom, dc:date, JSON Feed). The calendar date
 * is the one written, in the zone written beside it; nothing is converted to UTC or to the machine's zone.
 */
import { normalizeDate } from './dates.js';

/** A date as a feed gives it: the calendar date, and the instant when a time of day is given. */
export interface FeedDate {
  /** YYYY-MM-DD as written. */
  published: string;
  /** ISO 8601 with the feed's offset ("Z" for zero); no offset when the feed gave none (taken as written). */
  publishedAt?: string;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

const RFC822 =
  /^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?))?)?$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Zone names feeds write, in minutes east of UTC. RFC 822's own (UT, GMT, the US zones) plus the few others
 * news feeds use; an unknown name (or a military letter, which RFC 1123 calls unreliable) counts as no zone.
 */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600,
  BST: 60, IST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, WEST: 60, EET: 120, EEST: 180, MSK: 180,
  JST: 540, KST: 540, AEST: 600, AEDT: 660, ACST: 570, AWST: 480, NZST: 720, NZDT: 780,
};

/** Read a feed date; undefined when it names no calendar date. */
export function readFeedDate(text: string): FeedDate | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  return isoDate(value) ?? rfc822Date(value) ?? looseDate(value);
}

function isoDate(value: string): FeedDate | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDate(year, month, day)) return undefined;
  const published = ymd(year, month, day);
  if (m[4] === undefined) return { published };
  const offset = m[8] === undefined ? undefined : isoOffset(m[8]);
  return withTime(published, Number(m[4]), Number(m[5]), Number(m[6] ?? 0), m[7] ?? '', offset);
}

function rfc822Date(value: string): FeedDate | undefined {
  const m = RFC822.exec(value);
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] ?? '').slice(0, 3).toLowerCase()) + 1;
  const day = Number(m[1]);
  // RFC 822 wrote two-digit years; RFC 1123 four. Old feeds still send "02 Jun 25".
  const year = m[3]?.length === 2 ? 2000 + Number(m[3]) - (Number(m[3]) >= 70 ? 100 : 0) : Number(m[3]);
  if (month === 0 || !validDate(year, month, day)) return undefined;
  const published = ymd(year, month, day);
  if (m[4] === undefined) return { published };
  const offset = m[7] === undefined ? undefined : rfc822Offset(m[7]);
  return withTime(published, Number(m[4]), Number(m[5]), Number(m[6] ?? 0), '', offset);
}

/** Anything else with a four-digit year ("June 2, 2025"): the calendar date only, via the shared reader. */
function looseDate(value: string): FeedDate | undefined {
  if (!/\b\d{4}\b/.test(value)) return undefined;
  // The reference only completes a missing year, and a year is required above: any fixed date will do.
  const published = normalizeDate(value, '2000-01-01');
  return published === undefined ? undefined : { published };
}

function withTime(published: string, h: number, min: number, s: number, fraction: string, offset: number | undefined): FeedDate | undefined {
  if (h > 23 || min > 59 || s > 60) return { published };
  const time = `${pad(h)}:${pad(min)}:${pad(s)}${fraction}`;
  return { published, publishedAt: `${published}T${time}${offset === undefined ? '' : formatOffset(offset)}` };
}

/** "+05:30", "-0800", "+02" or "Z" → minutes east of UTC. */
function isoOffset(zone: string): number | undefined {
  if (/^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 18 * 60 ? undefined : (m[1] === '-' ? -minutes : minutes);
}

/** "+0000", "GMT", "EST", "GMT+1" → minutes east of UTC; undefined for names not in the table. */
function rfc822Offset(zone: string): number | undefined {
  if (/^[+-]/.test(zone)) return isoOffset(zone);
  const m = /^([A-Za-z]+)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(zone);
  const base = m ? ZONES[(m[1] ?? '').toUpperCase()] : undefined;
  if (base === undefined || !m) return undefined;
  if (m[2] === undefined) return base;
  const shift = Number(m[3]) * 60 + Number(m[4] ?? 0);
  return base + (m[2] === '-' ? -shift : shift);
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function ymd(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
