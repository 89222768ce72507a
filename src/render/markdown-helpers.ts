/**
 * The Handlebars helpers Markdown templates use. In strict mode Handlebars passes a missing field to a
 * helper as undefined without complaint, so every helper refuses undefined itself; null means "unknown"
 * and renders as "—".
 */
import type Handlebars from 'handlebars';
import type { DateSpan, Granularity, QuestionKind, TimelineDateConflict } from '../model/briefing.js';
import { dateConflictLabel, dayLabel, longDateLabel, spanLabel } from './date-labels.js';
import { escapeInline } from './markdown-escape.js';
import { questionKindLabels, questionKindTitle, supportWordings, type SupportedItem } from './labels.js';

/** What Handlebars shows for a value the Briefing marks unknown (null). */
export const UNKNOWN = '—';

interface CallOptions extends Handlebars.HelperOptions {
  loc?: { start: { line: number; column: number } };
}

/** Handlebars passes the helper's options object last; split it from the template's arguments. */
function split(args: unknown[]): { params: unknown[]; options: CallOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as CallOptions };
}

function missing(helper: string, options: CallOptions, what = 'a missing value'): Error {
  const at = options.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : '';
  return new Error(`helper "${helper}" was given ${what} (is the field name right?)${at}`);
}

/** `{{md text}}`, `{{md text table=true}}`: Markdown-escaped inline text; null → "—". */
function md(...args: unknown[]): string {
  const { params, options } = split(args);
  const value = params[0];
  if (value === undefined) throw missing('md', options);
  if (value === null) return UNKNOWN;
  return escapeInline(String(value), { table: Boolean(options.hash['table']) });
}

const granularities: readonly string[] = ['day', 'week', 'month', 'quarter', 'half', 'year', 'decade'];

function isSpan(value: unknown): value is DateSpan {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['start'] === 'string' && typeof v['end'] === 'string' && granularities.includes(String(v['granularity']))
  );
}

/**
 * `{{date "2022-02-21"}}` → "Mon 21 Feb 2022"; `{{date entry}}` (anything with start, end, granularity,
 * approximate, such as a timeline entry) or `{{date start end granularity approximate}}` → "early Jan 2022",
 * "21–23 Feb 2022", "2014"; null → "—".
 */
function date(...args: unknown[]): string {
  const { params, options } = split(args);
  const [value, end, granularity, approximate] = params;
  if (value === undefined) throw missing('date', options);
  if (value === null) return UNKNOWN;
  if (params.length >= 3) {
    return spanLabel({
      start: String(value),
      end: String(end ?? value),
      granularity: String(granularity) as Granularity,
      approximate: approximate === true,
    });
  }
  if (isSpan(value)) return spanLabel({ ...value, approximate: value.approximate === true });
  if (typeof value === 'string') return dayLabel(value);
  throw missing('date', options, 'something that is not a date');
}

/**
 * `{{dateConflict conflict}}` (a timeline entry's `conflict`) → "Thu 3 Dec 2026 (S2) or Fri 4 Dec 2026 (S1):
 * sources disagree", escaped for a table cell.
 */
function dateConflict(...args: unknown[]): string {
  const { params, options } = split(args);
  const value = params[0] as TimelineDateConflict | undefined;
  if (value === undefined || !Array.isArray(value?.values)) throw missing('dateConflict', options);
  return escapeInline(`${dateConflictLabel(value)}: ${questionKindLabels.conflict}`, { table: true });
}

/** `{{longDate date}}` → "Monday 21 February 2022"; null → "—". */
function longDate(...args: unknown[]): string {
  const { params, options } = split(args);
  const value = params[0];
  if (value === undefined) throw missing('longDate', options);
  return value === null ? UNKNOWN : longDateLabel(String(value));
}

/** The fragment a source entry is reachable at: its id in lower case, as heading ids are made. */
export function sourceAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

/**
 * `{{cite sources}}`: ["S1","S2"] → `[[S1](#s1), [S2](#s2)]`, which renders "[S1, S2]" with each id linked to
 * its source entry (CommonMark: a link cannot contain a link, so the outer brackets stay literal; there is
 * no "]]", so wiki-link viewers leave it alone). No ids → "".
 */
function cite(...args: unknown[]): string {
  const { params, options } = split(args);
  const ids = params[0];
  if (ids === undefined) throw missing('cite', options);
  if (!Array.isArray(ids) || ids.length === 0) return '';
  const links = ids.map((id) => `[${escapeInline(String(id))}](#${sourceAnchor(String(id))})`);
  return `[${links.join(', ')}]`;
}

/** `{{plural 3 "source"}}` → "3 sources", `{{plural 1 "source"}}` → "1 source"; `{{plural n "person" "people"}}`. */
function plural(...args: unknown[]): string {
  const { params, options } = split(args);
  const [count, singular, pluralForm] = params;
  if (count === undefined || singular === undefined) throw missing('plural', options);
  const n = Number(count);
  const word = n === 1 ? String(singular) : typeof pluralForm === 'string' ? pluralForm : `${String(singular)}s`;
  return `${n} ${word}`;
}

/** `{{url address}}`: an autolink `<https://…>`; null → "—"; text that is not a plain URL is escaped as text. */
function url(...args: unknown[]): string {
  const { params, options } = split(args);
  const value = params[0];
  if (value === undefined) throw missing('url', options);
  if (value === null) return UNKNOWN;
  const text = String(value);
  return /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$/.test(text) ? `<${text}>` : escapeInline(text);
}

/** `{{add @index 1}}` → 1-based numbers for ordered lists. */
function add(...args: unknown[]): number {
  const { params, options } = split(args);
  if (params.some((p) => p === undefined)) throw missing('add', options);
  return params.reduce<number>((sum, p) => sum + Number(p), 0);
}

/** The support wording function of the brief being rendered (the template's root), made once per render. */
const wordingsByRoot = new WeakMap<object, (item: SupportedItem) => string>();

function wordingsOf(options: CallOptions, helper: string): (item: SupportedItem) => string {
  const root = options.data?.root as Parameters<typeof supportWordings>[0] | undefined;
  if (typeof root !== 'object' || root === null || !Array.isArray(root.sources) || !Array.isArray(root.conflicts)) {
    throw missing(helper, options, 'no briefing at the root of the template');
  }
  let wordings = wordingsByRoot.get(root);
  if (!wordings) wordingsByRoot.set(root, (wordings = supportWordings(root)));
  return wordings;
}

/**
 * `{{support this}}` on a summary point, timeline entry or quote: "reported by 2 independent outlets",
 * "2 outlets, 1 origin: AP", "one outlet reports", "sources disagree", or "" (see supportWordings).
 */
function support(...args: unknown[]): string {
  const { params, options } = split(args);
  const item = params[0] as SupportedItem | undefined;
  if (typeof item !== 'object' || item === null || !Array.isArray(item.sources)) throw missing('support', options);
  return wordingsOf(options, 'support')(item);
}

/** `{{carried sources}}`: the support wording from source ids alone (templates written before `support`). */
function carried(...args: unknown[]): string {
  const { params, options } = split(args);
  const ids = params[0];
  if (!Array.isArray(ids)) throw missing('carried', options);
  return wordingsOf(options, 'carried')({ sources: ids.map(String) });
}

/** `{{questionKind kind}}` → "Pending", "Sources disagree"… */
function questionKind(...args: unknown[]): string {
  const { params, options } = split(args);
  const kind = params[0] as QuestionKind;
  if (!(kind in questionKindLabels)) throw missing('questionKind', options, 'something that is not a question kind');
  return questionKindTitle(kind);
}

/** Register md, date, dateConflict, longDate, cite, support, carried, questionKind, plural, url and add on an isolated Handlebars instance. */
export function registerMarkdownHelpers(hb: typeof Handlebars): void {
  hb.registerHelper({ md, date, dateConflict, longDate, cite, support, carried, questionKind, plural, url, add });
}
