/**
 * brief.yaml: one or many configured daily briefs (title, source globs, timezone, recipients, theme…).
 * Parsed strictly — a typo in a file run from cron would otherwise go unnoticed for weeks — into plain
 * typed settings; the CLI merges them over the defaults and under its flags.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DateTime, IANAZone } from 'luxon';
import { checkHeaderText, parseMailboxes } from '../deliver/addresses.js';
import { parseSmtpUrl } from '../deliver/smtp.js';
import { BriefwrightError } from '../errors.js';
import { isFile, isFolder } from '../fs-checks.js';
import { MIN_SUMMARY_WORDS, OUTPUT_FORMATS, pageSizeNamed, SLUG_PATTERN } from '../options.js';
import { parseByteSize } from '../sizes.js';
import { bannerProblem } from '../render/theme.js';
import { configError, parseConfigText, type LocatedData } from './yaml-file.js';
import { sinceProblem } from '../since.js';

/** The settings of one brief, as the file gives them (paths already resolved against the file's folder). */
export interface BriefSettings {
  /** Shown in progress and errors, and chosen with --only: the slug, else the title. */
  name: string;
  title?: string;
  slug?: string;
  /** Files, folders or glob patterns as written; relative ones are read from `base`. */
  sources: string[];
  /** The config file's folder: relative sources and paths are taken from here. */
  base: string;
  /** IANA zone whose calendar day is the briefing date ("Europe/London"). */
  timezone?: string;
  out?: string;
  formats?: string[];
  pageSize?: string;
  summaryWords?: number;
  /** Analyse every source, even one that tells another story than the rest. */
  keepAll?: boolean;
  theme?: string;
  banner?: string;
  templates?: string;
  /** Largest source file read, in bytes. */
  maxFileSize?: number;
  /** Feed files or URLs whose items are sources too. */
  feeds?: string[];
  /** Keep only feed items published within this span before now ("24h", "3d"). */
  since?: string;
  /** Fetch from loopback and private addresses too. */
  allowPrivate?: boolean;
  email?: EmailSettings;
}

export interface EmailSettings {
  to: string[];
  cc: string[];
  from?: string;
  subject?: string;
  smtp?: string;
}

export interface BriefConfig {
  path: string;
  briefs: BriefSettings[];
}

/** Keys a brief may have; the same keys at the top level are defaults for every brief. */
const BRIEF_KEYS = ['title', 'slug', 'sources', 'timezone', 'out', 'formats', 'pageSize', 'summaryWords', 'keepAll', 'theme', 'banner', 'templates', 'maxFileSize', 'feeds', 'since', 'allowPrivate', 'email'] as const;
const EMAIL_KEYS = ['to', 'cc', 'from', 'subject', 'smtp'] as const;
/** Keys that only make sense for one brief, so they are not allowed as defaults when there is a list. */
const PER_BRIEF_KEYS = new Set(['title', 'slug', 'sources']);
const PATH_KEYS = new Set(['out', 'theme', 'templates']);

/** Read and validate a brief config file; CONFIG errors name the file, line and key. */
export function loadBriefConfig(path: string): BriefConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    configError(path, undefined, `cannot read the config file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseBriefConfig(text, path);
}

/** Validate a brief config's text (`path` names the file in errors and anchors relative paths). */
export function parseBriefConfig(text: string, path: string): BriefConfig {
  const located = parseConfigText(text, path);
  const top = asRecord(located.data, path, located, [], 'must be a mapping of settings, with "sources" or a "briefs" list');
  const base = dirname(resolve(path));
  const list = top['briefs'];
  if (list === undefined) {
    checkKeys(top, BRIEF_KEYS, path, located, []);
    return { path, briefs: [briefOf(top, {}, 0, [], path, base, located)] };
  }
  if (!Array.isArray(list) || list.length === 0) configError(path, located.lineOf(['briefs']), '"briefs" must be a non-empty list of briefs');
  const defaults: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(top)) {
    if (key === 'briefs') continue;
    if (PER_BRIEF_KEYS.has(key)) configError(path, located.lineOf([key]), `"${key}" belongs to each brief in "briefs", not to the top level`);
    if (!(BRIEF_KEYS as readonly string[]).includes(key)) unknownKey(key, path, located, [], ['briefs', ...BRIEF_KEYS]);
    defaults[key] = value;
  }
  const briefs = list.map((item, i) => {
    const record = asRecord(item, path, located, ['briefs', i], `briefs[${i}] must be a mapping of settings`);
    checkKeys(record, BRIEF_KEYS, path, located, ['briefs', i]);
    return briefOf(record, defaults, i, ['briefs', i], path, base, located);
  });
  const seen = new Map<string, number>();
  briefs.forEach((b, i) => {
    const before = seen.get(b.name);
    if (before !== undefined) {
      configError(path, located.lineOf(['briefs', i]), `briefs[${i}] and briefs[${before}] are both "${b.name}": give each brief its own slug`);
    }
    seen.set(b.name, i);
  });
  return { path, briefs };
}

type KeyPath = Array<string | number>;

function briefOf(own: Record<string, unknown>, defaults: Record<string, unknown>, index: number, at: KeyPath, path: string, base: string, located: LocatedData): BriefSettings {
  const value = (key: string): { value: unknown; at: KeyPath } | undefined =>
    own[key] !== undefined ? { value: own[key], at: [...at, key] } : defaults[key] !== undefined ? { value: defaults[key], at: [key] } : undefined;
  const fail = (keys: KeyPath, message: string): never => configError(path, located.lineOf(keys), message);
  const text = (key: string): string | undefined => {
    const found = value(key);
    if (!found) return undefined;
    if (typeof found.value !== 'string' || found.value.trim() === '') fail(found.at, `"${key}" must be a non-empty string`);
    const trimmed = (found.value as string).trim();
    return PATH_KEYS.has(key) ? resolveFrom(base, trimmed) : trimmed;
  };
  const strings = (key: string, found = value(key)): string[] | undefined => {
    if (!found) return undefined;
    const items = typeof found.value === 'string' ? [found.value] : found.value;
    if (!Array.isArray(items) || items.some((s) => typeof s !== 'string' || s.trim() === '')) {
      fail(found.at, `"${key}" must be a string or a list of non-empty strings`);
    }
    return (items as string[]).map((s) => s.trim());
  };

  const sourcesFound = value('sources');
  const feeds = strings('feeds');
  if (!sourcesFound && feeds === undefined) fail(at, `${at.length ? `briefs[${index}]` : 'the config'} has no "sources" (files, folders or glob patterns) and no "feeds"`);
  const brief: BriefSettings = { name: '', sources: sourcesFound ? strings('sources', sourcesFound)! : [], base };
  if (feeds !== undefined) brief.feeds = feeds;
  const since = text('since');
  if (since !== undefined) {
    if (sinceProblem(since)) fail(value('since')!.at, `"since" ${sinceProblem(since)}`);
    brief.since = since;
  }
  const allowPrivate = value('allowPrivate');
  if (allowPrivate) {
    if (typeof allowPrivate.value !== 'boolean') fail(allowPrivate.at, '"allowPrivate" must be true or false');
    brief.allowPrivate = allowPrivate.value as boolean;
  }
  const title = text('title');
  if (title !== undefined) brief.title = title;
  const slug = text('slug');
  if (slug !== undefined) {
    if (!SLUG_PATTERN.test(slug)) fail(value('slug')!.at, '"slug" may hold only lower-case letters, digits and hyphens');
    brief.slug = slug;
  }
  const timezone = text('timezone');
  if (timezone !== undefined) {
    if (!IANAZone.isValidZone(timezone)) fail(value('timezone')!.at, `"timezone" must be an IANA time zone such as "Europe/London", not "${timezone}"`);
    brief.timezone = timezone;
  }
  for (const key of ['out', 'theme', 'banner', 'templates'] as const) {
    const v = text(key);
    if (v !== undefined) brief[key] = v;
  }
  if (brief.theme !== undefined && !isFile(brief.theme)) fail(value('theme')!.at, `"theme": ${brief.theme} is not a file`);
  if (brief.templates !== undefined && !isFolder(brief.templates)) fail(value('templates')!.at, `"templates": ${brief.templates} is not a folder`);
  if (brief.banner !== undefined) {
    const problem = bannerProblem(brief.banner);
    if (problem) fail(value('banner')!.at, `"banner" ${problem}`);
  }
  const pageSize = text('pageSize');
  if (pageSize !== undefined) {
    if (pageSizeNamed(pageSize) === undefined) fail(value('pageSize')!.at, `"pageSize" must be A4 or Letter, not "${pageSize}"`);
    brief.pageSize = pageSize;
  }
  const formats = strings('formats');
  if (formats !== undefined) {
    const unknown = formats.find((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f.toLowerCase()));
    if (unknown !== undefined || formats.length === 0) fail(value('formats')!.at, `"formats" lists pdf, md or json, not "${unknown ?? ''}"`);
    brief.formats = formats.map((f) => f.toLowerCase());
  }
  const words = value('summaryWords');
  if (words) {
    if (!Number.isInteger(words.value) || (words.value as number) < MIN_SUMMARY_WORDS) fail(words.at, `"summaryWords" must be a whole number of at least ${MIN_SUMMARY_WORDS}`);
    brief.summaryWords = words.value as number;
  }
  const keepAll = value('keepAll');
  if (keepAll) {
    if (typeof keepAll.value !== 'boolean') fail(keepAll.at, '"keepAll" must be true or false');
    brief.keepAll = keepAll.value as boolean;
  }
  const size = value('maxFileSize');
  if (size) {
    const count = typeof size.value === 'string' || typeof size.value === 'number' ? parseByteSize(size.value) : undefined;
    if (count === undefined) fail(size.at, `"maxFileSize" must be a size such as 16MB, 800KB or a number of bytes, not ${JSON.stringify(size.value)}`);
    brief.maxFileSize = count;
  }
  const email = emailOf(defaults['email'], own['email'], at, path, located);
  if (email) {
    // The email attaches the PDF: a brief that emails must make one.
    if (brief.formats && !brief.formats.includes('pdf')) fail(value('formats')!.at, '"formats" must include pdf for a brief with "email" (the email attaches the PDF)');
    brief.email = email;
  }
  // A daily brief needs a stable archive folder (for "What changed" and the send log), not one named
  // after whatever headline the day's sources bring.
  if (brief.slug === undefined && brief.title === undefined) {
    fail(at, `${at.length ? `briefs[${index}]` : 'the config'} needs a "title" or a "slug", so every run files into the same archive folder`);
  }
  brief.name = brief.slug ?? brief.title!;
  return brief;
}

/**
 * A brief's email settings: its own "email" keys over the top-level ones, each checked where it is written
 * (addresses parsed, no line breaks in headers, a well-formed SMTP URL), so a mistake shows before any build.
 */
function emailOf(shared: unknown, own: unknown, at: KeyPath, path: string, located: LocatedData): EmailSettings | undefined {
  if (shared === undefined && own === undefined) return undefined;
  const sources: Array<{ record: Record<string, unknown>; at: KeyPath }> = [];
  if (shared !== undefined) sources.push({ record: emailRecord(shared, ['email'], path, located), at: ['email'] });
  if (own !== undefined) sources.push({ record: emailRecord(own, [...at, 'email'], path, located), at: [...at, 'email'] });
  const field = (key: string) => {
    const found = [...sources].reverse().find((src) => src.record[key] !== undefined);
    return found ? { value: found.record[key], at: [...found.at, key] } : undefined;
  };
  const check = (keys: KeyPath, run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof BriefwrightError) configError(path, located.lineOf(keys), error.message);
      throw error;
    }
  };
  const list = (key: 'to' | 'cc'): string[] => {
    const found = field(key);
    if (!found) return [];
    const items = typeof found.value === 'string' ? [found.value] : found.value;
    if (!Array.isArray(items) || items.some((s) => typeof s !== 'string' || s.trim() === '')) {
      configError(path, located.lineOf(found.at), `"email.${key}" must be an address or a list of addresses`);
    }
    const addresses = (items as string[]).map((s) => s.trim());
    addresses.forEach((a, i) => check(found.at, () => parseMailboxes(`email.${key}[${i}]`, a)));
    return addresses;
  };
  const email: EmailSettings = { to: list('to'), cc: list('cc') };
  if (email.to.length === 0) configError(path, located.lineOf(sources.at(-1)!.at), '"email" needs at least one address in "to"');
  for (const key of ['from', 'subject', 'smtp'] as const) {
    const found = field(key);
    if (!found) continue;
    if (typeof found.value !== 'string' || found.value.trim() === '') configError(path, located.lineOf(found.at), `"email.${key}" must be a non-empty string`);
    const v = (found.value as string).trim();
    if (key === 'from') check(found.at, () => parseMailboxes('email.from', v));
    if (key === 'subject') check(found.at, () => checkHeaderText('email.subject', v));
    if (key === 'smtp') check(found.at, () => parseSmtpUrl(v));
    email[key] = v;
  }
  return email;
}

function emailRecord(raw: unknown, at: KeyPath, path: string, located: LocatedData): Record<string, unknown> {
  const record = asRecord(raw, path, located, at, '"email" must be a mapping with "to" (and "cc", "from", "subject", "smtp")');
  checkKeys(record, EMAIL_KEYS, path, located, at);
  return record;
}

/** Today's calendar date in a zone (the system's when none is given), as YYYY-MM-DD. */
export function todayIn(timezone: string | undefined, now: DateTime = DateTime.now()): string {
  return (timezone ? now.setZone(timezone) : now).toISODate()!;
}

function resolveFrom(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

function asRecord(value: unknown, path: string, located: LocatedData, at: KeyPath, message: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) configError(path, located.lineOf(at) ?? 1, message);
  return value as Record<string, unknown>;
}

function checkKeys(record: Record<string, unknown>, allowed: readonly string[], path: string, located: LocatedData, at: KeyPath): void {
  for (const key of Object.keys(record)) if (!allowed.includes(key)) unknownKey(key, path, located, at, allowed);
}

function unknownKey(key: string, path: string, located: LocatedData, at: KeyPath, allowed: readonly string[]): never {
  const where = at.length ? `${at.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '')}: ` : '';
  return configError(path, located.lineOf([...at, key]), `${where}unknown key "${key}" (allowed: ${allowed.join(', ')})`);
}
