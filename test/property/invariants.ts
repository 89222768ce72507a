/**
 * What every level's output must satisfy, as assertion helpers shared by the property tests. Each throws an
 * Error saying what is wrong and where, so fast-check can shrink to the smallest input that breaks it.
 */
import { createHash } from 'node:crypto';
import { isIsoDate } from '../../src/ingest/dates.js';
import type { Briefing } from '../../src/model/briefing.js';
import type { SourceDraft } from '../../src/ingest/index.js';
import { warningKinds, type Warning } from '../../src/model/warning.js';
import { schemaErrors, validateBriefing } from '../helpers/schema.js';
import { show } from './settings.js';

export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

/** Every string inside a value (keys too) that is not well-formed UTF-16, with its JSON path. */
export function illFormedStrings(value: unknown, at = '$', out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) out.push([at, value]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => illFormedStrings(v, `${at}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!k.isWellFormed()) out.push([`${at} (key)`, k]);
      illFormedStrings(v, `${at}.${k}`, out);
    }
  }
  return out;
}

export function checkWellFormed(value: unknown, what: string): void {
  const bad = illFormedStrings(value);
  check(bad.length === 0, `${what}: ${bad.length} string(s) with lone surrogates, first at ${bad[0]?.[0]}: ${show(bad[0]?.[1], 300)}`);
}

/** Bytes that decode as UTF-8 without a single error. */
export function strictUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvariantError(`${what} is not valid UTF-8`);
  }
}

/** Warnings of known kinds, each with a reason; well-formed too unless `unicode` is false (ill-formed text came in). */
export function checkWarnings(warnings: readonly Warning[], what: string, unicode = true): void {
  for (const w of warnings) {
    check(Object.hasOwn(warningKinds, w.kind), `${what}: unknown warning kind ${show(w.kind)}`);
    check(typeof w.reason === 'string' && w.reason.trim() !== '', `${what}: ${w.kind} warning without a reason`);
  }
  if (unicode) checkWellFormed(warnings, `${what} warnings`);
}

const ROLES = new Set(['heading', 'paragraph', 'list-item', 'caption', 'blockquote']);
const FORMATS = new Set(['text', 'html', 'markdown', 'json']);

/**
 * readSource's contract: sources, or an input-rejected warning saying why there are none; every warning
 * names the file; every source is well-formed (hash of the bytes, known format and roles, ISO dates,
 * non-empty blocks with 1-based lines and entries) and holds only well-formed Unicode.
 */
export function checkReadResult(path: string, bytes: Uint8Array, result: { sources: SourceDraft[]; warnings: Warning[] }): void {
  const { sources, warnings } = result;
  check(Array.isArray(sources) && Array.isArray(warnings), 'readSource returns { sources, warnings }');
  checkWarnings(warnings, 'readSource');
  for (const w of warnings) check(w.source === path, `warning ${w.kind} names ${show(w.source)}, not the file ${show(path)}`);
  check(sources.length > 0 || warnings.some((w) => w.kind === 'input-rejected'), 'no source and no input-rejected warning saying why');
  const digest = createHash('sha256').update(bytes).digest('hex');
  for (const [i, s] of sources.entries()) {
    const at = `source ${i}`;
    check(s.path === path, `${at}: path ${show(s.path)} is not the file's`);
    check(s.sha256 === digest, `${at}: sha256 is not the hash of the bytes`);
    check(FORMATS.has(s.format), `${at}: unknown format ${show(s.format)}`);
    check(typeof s.encoding === 'string' && s.encoding !== '', `${at}: no encoding`);
    check(s.blocks.length > 0, `${at}: a source without blocks`);
    if (s.meta.published !== undefined) check(isIsoDate(s.meta.published), `${at}: meta.published ${show(s.meta.published)} is not an ISO calendar date`);
    for (const [field, value] of Object.entries(s.meta)) check(typeof value === 'string', `${at}: meta.${field} is ${typeof value}, not a string`);
    if (s.entry !== undefined) check(Number.isInteger(s.entry) && s.entry >= 1, `${at}: entry ${show(s.entry)} is not a 1-based position`);
    for (const [j, b] of s.blocks.entries()) {
      check(typeof b.text === 'string' && b.text.trim() !== '', `${at} block ${j}: empty text`);
      check(ROLES.has(b.role), `${at} block ${j}: unknown role ${show(b.role)}`);
      if (b.line !== undefined) check(Number.isInteger(b.line) && b.line >= 1, `${at} block ${j}: line ${show(b.line)} is not 1-based`);
    }
  }
  checkWellFormed(sources, 'readSource sources');
}

/** JSON the published schema accepts. */
export function checkSchema(json: unknown, what: string): void {
  check(validateBriefing(json), `${what} does not match schema/briefing.schema.json: ${schemaErrors().slice(0, 5).join('; ')}`);
}

/**
 * A Briefing as the model promises: the schema accepts it, its date is the one asked for, every citation
 * and piece of evidence names a listed source, spans run forward, and every text is well-formed Unicode
 * (unless `unicode` is false: ill-formed text came in).
 */
export function checkBriefing(briefing: Briefing, date: string, unicode = true): void {
  if (unicode) checkWellFormed(briefing, 'briefing');
  checkSchema(JSON.parse(JSON.stringify(briefing)), 'briefing');
  check(briefing.date === date, `briefing date ${briefing.date} is not the date asked for, ${date}`);
  const ids = new Set(briefing.sources.map((s) => s.id));
  check(ids.size === briefing.sources.length, 'two sources share an id');
  const items = [
    ...briefing.summary.map((x) => ['summary', x] as const),
    ...briefing.timeline.map((x) => ['timeline', x] as const),
    ...briefing.quotes.map((x) => ['quote', x] as const),
    ...briefing.questions.map((x) => ['question', x] as const),
    ...briefing.conflicts.flatMap((c) => c.values.map((x) => ['conflict value', x] as const)),
  ];
  for (const [what, item] of items) {
    for (const id of item.sources) check(ids.has(id), `${what} cites ${id}, which is not a listed source`);
    for (const e of item.evidence) check(ids.has(e.source), `${what} has evidence from ${e.source}, which is not a listed source`);
    const text = 'text' in item ? item.text : item.value;
    check(text.trim() !== '', `${what} with blank text`);
  }
  for (const t of briefing.timeline) check(t.start <= t.end, `timeline entry ends (${t.end}) before it starts (${t.start})`);
}

/** Unescaped "|" in a Markdown table row: the ones that delimit cells. */
function cellDelimiters(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') n++;
  }
  return n;
}

/**
 * The Markdown writer's output: valid UTF-8, one final newline, and only the structure the templates make
 * — the title heading, the section headings and one "### S<n>" per source; every timeline row has its
 * three cells. Hostile text must not add headings or cells of its own.
 */
export function checkMarkdown(bytes: Uint8Array, briefing: Briefing): string {
  const text = strictUtf8(bytes, 'briefing.md');
  check(text.isWellFormed(), 'briefing.md is not well-formed');
  check(text.endsWith('\n') && !text.endsWith('\n\n'), 'briefing.md does not end with exactly one newline');
  const lines = text.split('\n');
  // A title of white space only leaves an empty "#": still the title heading.
  check(/^#(?: .*)?$/.test(lines[0] ?? ''), `briefing.md does not open with the title heading: ${show(lines[0], 200)}`);
  const sections = /^## (Summary|Timeline|Key quotes|Open questions|Sources|What changed since v\d+)$/;
  const headings = lines.map((l, i) => [i, l] as const).filter(([i, l]) => i > 0 && /^ {0,3}#{1,6}(\s|$)/.test(l));
  const sourceHeadings = headings.filter(([, l]) => /^### S\d+$/.test(l));
  for (const [i, l] of headings) {
    check(sections.test(l) || /^### S\d+$/.test(l), `briefing.md line ${i + 1} is a heading the templates do not make: ${show(l, 200)}`);
  }
  check(sourceHeadings.length === briefing.sources.length, `briefing.md has ${sourceHeadings.length} source headings for ${briefing.sources.length} sources`);
  const tableStart = lines.indexOf('| Date | Event | Sources |');
  if (tableStart >= 0) {
    for (let i = tableStart; i < lines.length && lines[i]!.startsWith('|'); i++) {
      check(cellDelimiters(lines[i]!) === 4, `briefing.md timeline row ${i + 1} does not have three cells: ${show(lines[i], 200)}`);
    }
  }
  return text;
}
