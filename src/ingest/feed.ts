/**
 * Feed reader: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed → items, each a link and what the feed says of it.
 * Library: feedsmith — typed, maintained, reads all four formats with their namespaces (content, dc, media, xml:base),
 * and its XML parser is set never to process entities; no DTD reaches it anyway (blanked first, see feed-xml.ts).
 */
import { parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed, type JsonFeed } from 'feedsmith';
import { ErrorCode, fail } from '../errors.js';
import { warning, type Warning } from '../model/warning.js';
import { readFeedDate } from './feed-dates.js';
import { mapAtom, mapJson, mapRdf, mapRss, type RawEntry, type RawFeed } from './feed-map.js';
import { htmlWordCount, plainText } from './feed-text.js';
import { blank, declaredEntities, feedKindAt, lineAt, readProlog, rootName, wellFormednessError, type XmlFeedKind } from './feed-xml.js';

export interface FeedItem {
  /** 1-based position in the feed. */
  entry: number;
  /** Plain text: whitespace collapsed, entities decoded, tags stripped. */
  title?: string;
  /** Absolute http(s) link of the item, relative links resolved against the feed's base or link. */
  url?: string;
  /** ISO calendar date YYYY-MM-DD as written in the feed's date (in the zone given beside it). */
  published?: string;
  /** The full instant as ISO 8601 with the feed's offset, when the feed gives a time; no offset when it gave none. */
  publishedAt?: string;
  /** Author names joined by ", ". */
  author?: string;
  /** The item's own body as HTML (content:encoded, Atom content, JSON Feed content_html; content_text escaped into <p>s), else its summary/description. */
  html?: string;
  /** True when `html` is only a teaser: no full content field, or fewer than ~80 words of text; the caller then fetches `url`. */
  teaser: boolean;
}

export interface FeedRead {
  /** The feed's title, plain text. */
  title?: string;
  /** The site's link. */
  link?: string;
  items: FeedItem[];
  warnings: Warning[];
}

/** Items kept from one feed unless the caller says otherwise. */
export const DEFAULT_MAX_ITEMS = 500;

/** Below this many words even a full-content field is a teaser (a "read more" stub). */
const FULL_TEXT_WORDS = 80;

/** How much of a file looksLikeFeed reads: the root element or JSON Feed's version come first. */
const SNIFF_WINDOW = 16 * 1024;

/** Bytes of a file enough to tell a feed (UTF-8 and UTF-16 alike give at least SNIFF_WINDOW characters' worth of markup). */
export const FEED_SNIFF_BYTES = 4 * SNIFF_WINDOW;

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/';

const FEED_NAMES: Record<XmlFeedKind, string> = { rss: 'an RSS feed', rdf: 'an RSS 1.0 (RDF) feed', atom: 'an Atom feed' };

/**
 * True when decoded text is an RSS, RDF or Atom document (root element rss, rdf:RDF, feed in the Atom namespace)
 * or a JSON Feed (object with a top-level "version" starting "https://jsonfeed.org/version/"). Cheap: reads
 * the first 16 KB only, after an optional BOM, XML declaration, comments, processing instructions and DOCTYPE.
 */
export function looksLikeFeed(text: string): boolean {
  const head = withoutBom(text).slice(0, SNIFF_WINDOW);
  const start = head.trimStart();
  if (start.startsWith('{')) return jsonFeedVersionAhead(start);
  const { rootAt } = readProlog(head);
  return rootAt !== -1 && feedKindAt(head, rootAt) !== undefined;
}

/**
 * Parse a feed. Pure: no I/O, no clock. Keeps at most `maxItems` items (default 500) in feed order, with a
 * warning saying how many were left out. Throws BriefwrightError(ErrorCode.INPUT, message) for a document
 * that is not a feed it can read; the message says why.
 */
export function parseFeed(text: string, options: { path: string; maxItems?: number }): FeedRead {
  const body = withoutBom(text);
  const warnings: Warning[] = [];
  const raw = /^\s*[{[]/.test(body) ? readJsonFeed(body) : readXmlFeed(body, options.path, warnings);
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const items = keptItems(raw.entries, maxItems, options.path, warnings);
  const title = plainText(raw.title);
  return { ...(title === undefined ? {} : { title }), ...(raw.link === undefined ? {} : { link: raw.link }), items, warnings };
}

function readXmlFeed(text: string, path: string, warnings: Warning[]): RawFeed {
  const prolog = readProlog(text);
  if (prolog.rootAt === -1) fail(ErrorCode.INPUT, wellFormednessError(text) ?? 'not a feed: no XML root element was found');
  const kind = feedKindAt(text, prolog.rootAt);
  if (kind === undefined) {
    fail(ErrorCode.INPUT, `not a feed: the root element is <${rootName(text, prolog.rootAt) ?? '?'}>, not rss, rdf:RDF or an Atom feed`);
  }
  let xml = text;
  if (prolog.doctype) {
    const { start, end } = prolog.doctype;
    const entities = declaredEntities(text.slice(start, end));
    if (entities.length > 0) {
      const named = entities.slice(0, 3).map((e) => `&${e};`).join(', ') + (entities.length > 3 ? ', …' : '');
      const reason = `the DOCTYPE declares ${entities.length} entit${entities.length === 1 ? 'y' : 'ies'} (${named}); feeds are read without their DTD, so references to them stay as written`;
      warnings.push(warning('input-simplified', 'ingest', reason, { source: path, position: { line: lineAt(text, start) } }));
    }
    // Blanked, not just skipped: the parser never sees a declaration, so nothing can be expanded or fetched.
    xml = blank(text, start, end);
  }
  try {
    if (kind === 'rss') return mapRss(parseRssFeed(xml));
    if (kind === 'rdf') return mapRdf(parseRdfFeed(xml));
    return mapAtom(parseAtomFeed(xml));
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    fail(ErrorCode.INPUT, wellFormednessError(xml) ?? `not ${FEED_NAMES[kind]} that can be read (${cause})`, error);
  }
}

function readJsonFeed(text: string): RawFeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(ErrorCode.INPUT, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const version = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { version?: unknown }).version : undefined;
  if (typeof version !== 'string' || !version.startsWith(JSON_FEED_VERSION)) {
    fail(ErrorCode.INPUT, `not a JSON Feed: no top-level "version" starting "${JSON_FEED_VERSION}"`);
  }
  try {
    return mapJson(parseJsonFeed(value) as JsonFeed.Feed<string>);
  } catch (error) {
    fail(ErrorCode.INPUT, `not a JSON Feed that can be read (${error instanceof Error ? error.message : String(error)})`, error);
  }
}

/**
 * Entries → items in feed order, up to `maxItems`: one with neither a link nor any content is reported and
 * skipped; those past the cap are counted in one warning. Only kept entries are made plain text.
 */
function keptItems(entries: RawEntry[], maxItems: number, path: string, warnings: Warning[]): FeedItem[] {
  const items: FeedItem[] = [];
  const undated: { entry: number; date: string }[] = [];
  let index = 0;
  for (; index < entries.length && items.length < maxItems; index++) {
    const raw = entries[index] as RawEntry;
    const entry = index + 1;
    if (raw.url === undefined && raw.html === undefined) {
      const reason = 'feed item has neither an http(s) link nor any content; skipped';
      warnings.push(warning('input-rejected', 'ingest', reason, { source: path, position: { entry }, ...textOf(raw.title) }));
      continue;
    }
    const item = feedItem(raw, entry);
    if (raw.date !== undefined && item.published === undefined) undated.push({ entry, date: raw.date });
    items.push(item);
  }
  const firstUndated = undated[0];
  if (firstUndated) {
    const reason = `${undated.length} feed item${undated.length === 1 ? ' has a date' : 's have dates'} that could not be read; listed without a publication date`;
    warnings.push(warning('date-unresolved', 'ingest', reason, { source: path, position: { entry: firstUndated.entry }, text: firstUndated.date }));
  }
  const leftOut = entries.length - index;
  if (leftOut > 0) {
    const reason = `the feed has ${entries.length} items; ${leftOut} after the first ${maxItems} kept were left out`;
    warnings.push(warning('input-rejected', 'ingest', reason, { source: path, position: { entry: index + 1 } }));
  }
  return items;
}

function feedItem(raw: RawEntry, entry: number): FeedItem {
  const item: FeedItem = { entry, teaser: !raw.full || raw.html === undefined || htmlWordCount(raw.html) < FULL_TEXT_WORDS };
  const title = plainText(raw.title);
  if (title !== undefined) item.title = title;
  if (raw.url !== undefined) item.url = raw.url;
  const date = raw.date === undefined ? undefined : readFeedDate(raw.date);
  if (date !== undefined) item.published = date.published;
  if (date?.publishedAt !== undefined) item.publishedAt = date.publishedAt;
  const authors = [...new Set(raw.authors.map(plainText).filter((a): a is string => a !== undefined))];
  if (authors.length > 0) item.author = authors.join(', ');
  if (raw.html !== undefined) item.html = raw.html;
  return item;
}

function textOf(title: string | undefined): { text?: string } {
  const text = plainText(title);
  return text === undefined ? {} : { text };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * True when the object that `head` opens has, among its own keys, "version" with a jsonfeed.org value: a
 * "version" inside a nested object or a string is not it. Scans only as far as the head goes.
 */
function jsonFeedVersionAhead(head: string): boolean {
  const STRING = /"(?:[^"\\]|\\.)*"/y;
  const VERSION_VALUE = /\s*:\s*"https:\/\/jsonfeed\.org\/version\//y;
  let depth = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (c === '"') {
      STRING.lastIndex = i;
      const m = STRING.exec(head);
      if (!m) return false;
      i = STRING.lastIndex - 1;
      if (depth === 1 && m[0] === '"version"') {
        VERSION_VALUE.lastIndex = STRING.lastIndex;
        if (VERSION_VALUE.test(head)) return true;
      }
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return false;
}
