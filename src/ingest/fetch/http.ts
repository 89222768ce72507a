/**
 * One HTTP GET with redirects, under one deadline and one size cap, over node:http / node:https.
 * Every hop is checked like the first (scheme, credentials, addresses), and each socket connects only to
 * the addresses its check returned. Which addresses are allowed is a hook (`resolveHost`) so tests can
 * stand a loopback server in for a public one.
 */
import { STATUS_CODES, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { BriefwrightError, ErrorCode, fail } from '../../errors.js';
import { formatByteSize } from '../../sizes.js';
import { lookupFrom, type Resolution } from './address.js';

export interface HttpOptions {
  userAgent: string;
  /** Deadline for everything: resolving, connecting, every redirect, headers and the whole body. */
  timeoutMs: number;
  /** Cap on the decoded body, in bytes. */
  maxBytes: number;
  maxRedirects: number;
  /** The Accept header. */
  accept: string;
  /** Why a media type (undefined: no Content-Type) is refused, or undefined when it is accepted. */
  refuseContentType: (mediaType: string | undefined) => string | undefined;
  /** The addresses a hop's host may be reached at, or why it may not be: address.ts `resolveHost` in use. */
  resolveHost: (url: URL) => Promise<Resolution>;
  /** Validators of a cached copy: sent as If-None-Match / If-Modified-Since, making 304 an answer. */
  validators?: { etag?: string; lastModified?: string };
}

/** What the server said about the resource, shared by a full answer and a 304. */
export interface ResponseHead {
  finalUrl: string;
  status: number;
  etag?: string;
  lastModified?: string;
}

export type HttpResult =
  | ({ kind: 'body'; contentType?: string; charset?: string; bytes: Uint8Array } & ResponseHead)
  | ({ kind: 'not-modified' } & ResponseHead);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** GET `asked`, following redirects; every refusal or failure is a BriefwrightError naming the URL. */
export async function httpGet(asked: string, options: HttpOptions): Promise<HttpResult> {
  const shown = withoutCredentials(asked);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  let where = `${shown}: `;
  try {
    let current = parseUrl(asked, where);
    for (let redirects = 0; ; redirects += 1) {
      const refusal = refusalOf(current);
      if (refusal !== undefined) fail(ErrorCode.INPUT, where + refusal);
      const resolution = await untilAborted(options.resolveHost(current), deadline.signal);
      if (!resolution.ok) fail(ErrorCode.INPUT, where + resolution.reason);
      const response = await send(current, headersFor(options), lookupFrom(resolution.addresses), deadline.signal);
      const status = response.statusCode ?? 0;
      const head: ResponseHead = { finalUrl: current.href, status, ...validatorsOf(response) };
      if (status >= 200 && status < 300) return { kind: 'body', ...head, ...(await readResponse(response, options, where, deadline.signal)) };
      response.destroy();
      const statusLine = `HTTP ${status} ${response.statusMessage || STATUS_CODES[status] || ''}`.trim();
      if (status === 304 && options.validators !== undefined) return { kind: 'not-modified', ...head };
      if (!REDIRECT_STATUSES.has(status)) fail(ErrorCode.INPUT, where + statusLine);
      const location = response.headers.location;
      if (location === undefined || location === '') fail(ErrorCode.INPUT, `${where}${statusLine} without a Location header`);
      if (redirects >= options.maxRedirects) fail(ErrorCode.INPUT, `${shown}: more than ${options.maxRedirects} redirects`);
      // A relative Location is resolved against the URL that answered with it.
      current = parseUrl(location, `${where}redirected to ${location}: `, current);
      where = `${shown}: redirected to ${withoutCredentials(current.href)}: `;
    }
  } catch (error) {
    if (deadline.signal.aborted) fail(ErrorCode.INPUT, `${shown}: no response within ${formatDuration(options.timeoutMs)}`, error);
    if (error instanceof BriefwrightError) throw error;
    fail(ErrorCode.INPUT, `${where}could not fetch: ${describeNetworkError(error)}`, error);
  } finally {
    clearTimeout(timer);
  }
}

/** Why a URL may not be fetched from its text alone, or undefined: only http(s), and no credentials in it. */
export function refusalOf(url: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `refused: ${url.protocol} URLs are not fetched (only http: and https:)`;
  if (url.username !== '' || url.password !== '') return 'refused: the URL carries a user name or password (remove them from it)';
  return undefined;
}

export function tooLargeReason(maxBytes: number): string {
  return `body larger than ${formatByteSize(maxBytes)} (raise --max-file-size)`;
}

/** The URL as it may be shown in a message: any user name and password masked. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}

/**
 * The decoded body of `stream`, decompressing `contentEncoding` (a list, applied in order, so undone in
 * reverse), or 'too-large' as soon as more than `maxBytes` come out: a gzip bomb stops at the cap.
 */
export async function readBody(stream: Readable, contentEncoding: string | undefined, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array | 'too-large'> {
  const decoders = decodersFor(contentEncoding);
  const chunks: Buffer[] = [];
  let total = 0;
  // A flag, not the thrown error: pipeline may report the teardown (an AbortError) instead of it.
  let overCap = false;
  const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) {
        overCap = true;
        throw new Error('body over the cap');
      }
      chunks.push(chunk);
    }
  };
  try {
    // @types/node's array form lists only streams; node's pipeline takes generator stages there too.
    const stages = [stream, ...decoders, collect] as unknown as NodeJS.ReadWriteStream[];
    await pipeline(stages, signal === undefined ? {} : { signal });
  } catch (error) {
    if (overCap) return 'too-large';
    throw error;
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

type Decoder = NodeJS.ReadWriteStream | ((source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>);

function decodersFor(contentEncoding: string | undefined): Decoder[] {
  const codings = (contentEncoding ?? '').toLowerCase().split(',').map((coding) => coding.trim()).filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
    if (coding === 'br') return createBrotliDecompress();
    if (coding === 'deflate') return inflateEitherForm;
    throw new Error(`unsupported content encoding ${coding}`);
  });
}

/** "deflate" should be zlib-wrapped, but some servers send it raw; browsers accept both, and so do we. */
async function* inflateEitherForm(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done === true) return;
  const head: Buffer = first.value;
  // A zlib header: compression method 8 in the low nibble, and the two header bytes a multiple of 31.
  const wrapped = (head[0]! & 0x0f) === 8 && (head.length < 2 || ((head[0]! << 8) | head[1]!) % 31 === 0);
  const inflater = wrapped ? createInflate() : createInflateRaw();
  async function* replay(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  }
  const feeding = pipeline(replay(), inflater);
  feeding.catch(() => undefined); // its error also reaches the loop below, which reports it
  yield* inflater;
  await feeding;
}

async function readResponse(response: IncomingMessage, options: HttpOptions, where: string, signal: AbortSignal): Promise<{ contentType?: string; charset?: string; bytes: Uint8Array }> {
  const { mediaType, charset } = parseContentType(response.headers['content-type']);
  const refusal = options.refuseContentType(mediaType);
  const tooLarge = where + tooLargeReason(options.maxBytes);
  const declared = Number(response.headers['content-length']);
  if (refusal !== undefined || declared > options.maxBytes) {
    response.destroy();
    fail(ErrorCode.INPUT, refusal !== undefined ? where + refusal : tooLarge);
  }
  let bytes: Uint8Array | 'too-large';
  try {
    bytes = await readBody(response, response.headers['content-encoding'], options.maxBytes, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    fail(ErrorCode.INPUT, `${where}could not read the body: ${describeNetworkError(error)}`, error);
  }
  if (bytes === 'too-large') fail(ErrorCode.INPUT, tooLarge);
  return { ...(mediaType && { contentType: mediaType }), ...(charset && { charset }), bytes };
}

/** "text/html; charset=UTF-8" → media type "text/html" and charset "utf-8" (lower-case, no parameters). */
export function parseContentType(header: string | undefined): { mediaType?: string; charset?: string } {
  const mediaType = header?.split(';')[0]?.trim().toLowerCase();
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(header ?? '')?.[1]?.toLowerCase();
  return { ...(mediaType && { mediaType }), ...(charset && { charset }) };
}

function headersFor(options: HttpOptions): OutgoingHttpHeaders {
  return {
    'user-agent': options.userAgent,
    accept: options.accept,
    'accept-encoding': 'gzip, deflate, br',
    ...(options.validators?.etag && { 'if-none-match': options.validators.etag }),
    ...(options.validators?.lastModified && { 'if-modified-since': options.validators.lastModified }),
  };
}

function validatorsOf(response: IncomingMessage): { etag?: string; lastModified?: string } {
  const { etag, 'last-modified': lastModified } = response.headers;
  return { ...(etag && { etag }), ...(lastModified && { lastModified }) };
}

/** Send the request and wait for the response head. A fresh agent each time: no pooled socket outlives its check. */
function send(url: URL, headers: OutgoingHttpHeaders, lookup: ReturnType<typeof lookupFrom>, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { headers, lookup, signal, agent: false }, resolve);
    request.on('error', reject);
    request.end();
  });
}

function parseUrl(text: string, where: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    fail(ErrorCode.INPUT, `${where}not a valid URL`);
  }
}

/** `promise`, or the deadline's rejection if it comes first (dns.lookup cannot be aborted). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}

/** 20000 → "20 s", 250 → "250 ms". */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}
