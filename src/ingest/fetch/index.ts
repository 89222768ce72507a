/**
 * fetch: a URL → its decoded bytes, safely. Only http(s), never to private addresses unless allowed,
 * under one deadline and one size cap, with an optional on-disk cache. Every refusal or failure is a
 * BriefwrightError (INPUT) naming the URL; the caller turns it into a warning, so one URL never stops a brief.
 */
import { ErrorCode, fail } from '../../errors.js';
import { privateHostRefusal, resolveHost } from './address.js';
import { isFresh, readCached, updateCachedEntry, writeCached, type CachedCopy } from './cache.js';
import { httpGet, refusalOf, tooLargeReason, withoutCredentials, type HttpOptions } from './http.js';

export { isPrivateAddress } from './address.js';

/** What the caller means to read: decides the Accept header and which content types are taken. */
export type Expect = 'page' | 'feed' | 'any';

export interface FetchOptions {
  /** Sent as User-Agent, e.g. "briefwright/1.4.0 (+news briefing tool)". */
  userAgent: string;
  /** Deadline for the whole request, redirects and body included. Default: 20 s. */
  timeoutMs: number;
  /** Cap on the decoded body: a compressed body counts as it inflates. Default: 16 MB. */
  maxBytes: number;
  /** Default: 5. */
  maxRedirects: number;
  /** Fetch from loopback, private, link-local … addresses too. Default: false. */
  allowPrivate: boolean;
  /** Content types taken; a response without Content-Type is taken (sniffing decides later). Default: 'any'. */
  expect: Expect;
  /** On-disk cache folder; absent = no cache. */
  cacheDir?: string;
  /** A cached entry younger than this is used without any request. Default: 6 h. */
  maxAgeMs: number;
  /** Clock (ms since the epoch), for tests. Default: Date.now. */
  now?: () => number;
}

export const defaultFetchOptions: Omit<FetchOptions, 'userAgent'> = {
  timeoutMs: 20_000,
  maxBytes: 16 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
  expect: 'any',
  maxAgeMs: 6 * 60 * 60 * 1000,
};

export interface Fetched {
  /** The URL as asked. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** Media type only, lower-case, no parameters. */
  contentType?: string;
  /** From the Content-Type header, lower-case, if it names one. */
  charset?: string;
  /** The decoded (decompressed) body: what the manifest hashes. */
  bytes: Uint8Array;
  fromCache: boolean;
  /** When these bytes came from (or were last confirmed by) the network, ISO 8601. */
  fetchedAt: string;
}

const pageTypes = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown'];
const feedTypes = ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml', 'application/feed+json', 'application/json'];

const accepted: Record<Expect, { types: string[]; accept: string; noun: string }> = {
  page: {
    types: pageTypes,
    accept: 'text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9, */*;q=0.1',
    noun: 'a page',
  },
  feed: {
    types: feedTypes,
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1',
    noun: 'a feed',
  },
  any: {
    types: [...pageTypes, ...feedTypes],
    accept:
      'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, ' +
      'application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, text/markdown;q=0.8, application/json;q=0.8, */*;q=0.1',
    noun: 'a page or feed',
  },
};

/**
 * True when `input` names a URL rather than a path: any "scheme:" prefix of two or more characters (one
 * letter is a Windows drive, "C:\…"). So file:, ftp: and javascript: inputs reach fetchUrl and are refused
 * there by name, instead of being read as odd relative paths.
 */
export function isUrlInput(input: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(input);
}

/** The bytes at `url`: from a fresh cache entry without any request, else from the network (revalidating a stale entry). */
export async function fetchUrl(url: string, options: FetchOptions): Promise<Fetched> {
  const shown = withoutCredentials(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    fail(ErrorCode.INPUT, `${shown}: not a valid URL`);
  }
  // What the URL's text alone refuses is refused before the cache too: a cached copy is no way round it.
  const refusal = refusalOf(parsed) ?? (options.allowPrivate ? undefined : privateHostRefusal(parsed.hostname));
  if (refusal !== undefined) fail(ErrorCode.INPUT, `${shown}: ${refusal}`);

  const now = options.now ?? Date.now;
  const cached = options.cacheDir === undefined ? undefined : await readCached(options.cacheDir, url);
  if (cached !== undefined && isFresh(cached.entry, now(), options.maxAgeMs)) return fromCache(cached, shown, options);

  const { etag, lastModified } = cached?.entry ?? {};
  const validators = etag !== undefined || lastModified !== undefined ? { etag, lastModified } : undefined;
  const result = await httpGet(url, { ...httpOptionsFor(options), ...(validators && { validators }) });
  const fetchedAt = new Date(now()).toISOString();

  if (result.kind === 'not-modified') {
    // Validators are only sent for a cached copy, so a 304 always has one to stand for.
    const copy = cached as CachedCopy;
    const entry = { ...copy.entry, finalUrl: result.finalUrl, fetchedAt, ...validatorsOf(result) };
    if (options.cacheDir !== undefined) await updateCachedEntry(options.cacheDir, entry);
    return fromCache({ entry, bytes: copy.bytes }, shown, options);
  }

  const { finalUrl, status, contentType, charset, bytes } = result;
  const fetched: Fetched = { url, finalUrl, status, ...(contentType && { contentType }), ...(charset && { charset }), bytes, fromCache: false, fetchedAt };
  if (options.cacheDir !== undefined) {
    await writeCached(options.cacheDir, { url, finalUrl, status, contentType, charset, ...validatorsOf(result), fetchedAt }, bytes);
  }
  return fetched;
}

function httpOptionsFor(options: FetchOptions): HttpOptions {
  return {
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    maxRedirects: options.maxRedirects,
    accept: accepted[options.expect].accept,
    refuseContentType: (mediaType) => contentTypeRefusal(options.expect, mediaType),
    resolveHost: (target) => resolveHost(target, options.allowPrivate),
  };
}

/** A cached copy as a Fetched, held to today's options: what would be refused from the network is refused here. */
function fromCache({ entry, bytes }: CachedCopy, shown: string, options: FetchOptions): Fetched {
  const refusal = contentTypeRefusal(options.expect, entry.contentType);
  if (refusal !== undefined) fail(ErrorCode.INPUT, `${shown}: ${refusal}`);
  if (bytes.length > options.maxBytes) fail(ErrorCode.INPUT, `${shown}: ${tooLargeReason(options.maxBytes)}`);
  const { url, finalUrl, status, contentType, charset, fetchedAt } = entry;
  return { url, finalUrl, status, ...(contentType && { contentType }), ...(charset && { charset }), bytes, fromCache: true, fetchedAt };
}

/** Why a media type is not what `expect` takes, or undefined; no Content-Type at all is taken. */
function contentTypeRefusal(expect: Expect, mediaType: string | undefined): string | undefined {
  const { types, noun } = accepted[expect];
  return mediaType === undefined || types.includes(mediaType) ? undefined : `content type ${mediaType} is not ${noun}`;
}

function validatorsOf(result: { etag?: string; lastModified?: string }): { etag?: string; lastModified?: string } {
  return { ...(result.etag && { etag: result.etag }), ...(result.lastModified && { lastModified: result.lastModified }) };
}
