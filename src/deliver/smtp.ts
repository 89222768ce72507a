/**
 * Sending a built message over SMTP with nodemailer, retrying what may succeed later.
 *
 * The server comes from a URL: smtps://host[:465] is TLS from the first byte; smtp://host[:587] upgrades
 * with STARTTLS when the server offers it (?requireTLS=true refuses to go on without it). User and password
 * go in the URL (percent-encoded). Certificates are always checked unless the URL itself says
 * ?tls.rejectUnauthorized=false (for a relay with a self-signed certificate, on a network you trust).
 *
 * Temporary failures (4xx replies, refused, reset, dropped or timed-out connections) are retried with
 * exponential backoff, only for the recipients still waiting; a 5xx reply is final. When the server refuses
 * some recipients and takes the others, those others have the message and are not sent it again.
 *
 * At most once: a connection that drops (or times out) after the whole message was handed over and before
 * the server answered may have delivered it. Those recipients are "unknown", and are never retried: a
 * second attempt could give them two copies. A message larger than the server's SIZE limit is not sent.
 */
import { BriefwrightError, ErrorCode } from '../errors.js';
import { recipientKey } from './addresses.js';
import { runSession, type SmtpError, type SmtpServer } from './session.js';

export type { SmtpServer } from './session.js';

/** How a send is retried: `attempts` in all, waiting baseDelayMs, then twice that, and so on. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 4, baseDelayMs: 1000 };

export function checkRetry(retry: RetryPolicy): RetryPolicy {
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1 || !(retry.baseDelayMs >= 0)) {
    throw new BriefwrightError(ErrorCode.USAGE, 'retry: attempts must be a whole number of at least 1, and baseDelayMs a delay of 0 or more');
  }
  return retry;
}

const QUERY_FLAGS = ['tls.rejectUnauthorized', 'requireTLS'] as const;

function badUrl(label: string, why: string): never {
  throw new BriefwrightError(ErrorCode.DELIVERY, `SMTP URL ${label}: ${why}`);
}

function flag(label: string, name: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return badUrl(label, `${name} must be true or false, not "${value}"`);
}

/** Transport options from an smtp:// or smtps:// URL; anything the URL cannot mean is refused, naming it. */
export function parseSmtpUrl(url: string): SmtpServer {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The text may hold a password: show only its scheme.
    return badUrl(`"${url.split(':')[0] ?? ''}:…"`, 'is not a URL (expected smtp://[user:password@]host[:port] or smtps://…)');
  }
  if (parsed.password !== '') parsed.password = '***';
  const label = parsed.href;
  let user: string;
  let pass: string;
  try {
    user = decodeURIComponent(new URL(url).username);
    pass = decodeURIComponent(new URL(url).password);
  } catch {
    return badUrl(label, 'the user or password is not correctly percent-encoded');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') badUrl(label, `must start with smtp:// or smtps://, not ${parsed.protocol}//`);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') badUrl(label, 'names no host');
  if (parsed.pathname !== '' && parsed.pathname !== '/') badUrl(label, `has a path (${parsed.pathname}); SMTP URLs have none`);
  const secure = parsed.protocol === 'smtps:';
  const options: SmtpServer['options'] = {
    host,
    secure,
    tls: { rejectUnauthorized: true },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  };
  if (parsed.port !== '') options.port = Number(parsed.port);
  if (user !== '') options.auth = { user, pass };
  for (const [name, value] of parsed.searchParams) {
    if (name === 'tls.rejectUnauthorized') options.tls = { rejectUnauthorized: flag(label, name, value) };
    else if (name === 'requireTLS') {
      if (secure) badUrl(label, 'requireTLS is for smtp:// (STARTTLS); smtps:// is TLS already');
      options.requireTLS = flag(label, name, value);
    } else badUrl(label, `unknown setting "${name}" (known: ${QUERY_FLAGS.join(', ')})`);
  }
  return { options, label };
}

// Failures of the connection rather than answers about the message: worth another try.
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** True when the same message may go through later: a 4xx reply, or a connection that failed (5xx is final). */
export function isTemporary(error: SmtpError): boolean {
  if (typeof error.responseCode === 'number') return error.responseCode < 500;
  return [error.code, error.originalCode].some((code) => code !== undefined && TRANSIENT_CODES.has(code));
}

/**
 * True when a failure may have delivered the message: the whole message had been handed over and the
 * server gave no reply code (the connection dropped or timed out while waiting for the answer to the
 * final "."). Any reply (250 aside, which is success) means the server did not take the message.
 */
export function isAmbiguous(error: SmtpError, handedOver: boolean): boolean {
  return handedOver && typeof error.responseCode !== 'number';
}

/**
 * True for the server refusing the message for its size before DATA: nodemailer's own check against the
 * announced SIZE, or a 552 answer to MAIL FROM … SIZE= (RFC 1870).
 */
export function isSizeRefusal(error: SmtpError): boolean {
  return error.command === 'MAIL FROM' && (error.code === 'EMESSAGE' || error.responseCode === 552);
}

/**
 * The server's own words when there are any ("550 5.1.1 no such user"), else the error message; a server
 * that sends binary junk must not write control characters to the terminal or the log, nor a page of it.
 */
function reasonOf(error: SmtpError): string {
  const words = (error.response ?? error.message)
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cs}\u2028\u2029\ufffd]/gu, '?')
    .trim();
  return words.length > MAX_REASON_LENGTH ? `${words.slice(0, MAX_REASON_LENGTH - 1)}…` : words;
}

/** Longest server reply quoted in a report. */
const MAX_REASON_LENGTH = 300;

export interface DeliveryRequest {
  server: SmtpServer;
  /** Envelope sender (the address only). */
  from: string;
  /** Envelope recipients (addresses only). */
  recipients: string[];
  /** The whole message, as composed; sent unchanged on every attempt. */
  message: Buffer;
  retry: RetryPolicy;
  /** Called after each attempt with the recipients the server took in it, before any further attempt. */
  onAccepted?: (addresses: string[]) => Promise<void>;
  /** Called after an attempt whose outcome is unknown for these recipients, before any further attempt. */
  onUnknown?: (addresses: string[], reason: string) => Promise<void>;
  onProgress?: (message: string) => void;
  /** Waits between attempts; tests pass one that records the delays. */
  sleep?: (ms: number) => Promise<void>;
}

export interface Outcome {
  address: string;
  reason: string;
}

export interface DeliveryResult {
  accepted: string[];
  rejected: Outcome[];
  /** Handed over in full, then no answer: maybe delivered. Never retried. */
  unknown: Outcome[];
  /** The server's SIZE limit, when the message was refused for being larger (limit null: not announced). */
  oversize: { size: number; limit: number | null } | null;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Send with retries; resolves with who took it, who refused it, and whose delivery is unknown. */
export async function deliver(request: DeliveryRequest): Promise<DeliveryResult> {
  const { attempts, baseDelayMs } = checkRetry(request.retry);
  const progress = request.onProgress ?? (() => {});
  const sleep = request.sleep ?? realSleep;
  const byKey = new Map(request.recipients.map((a) => [recipientKey(a), a]));
  const original = (address: string) => byKey.get(recipientKey(address)) ?? address;
  const result: DeliveryResult = { accepted: [], rejected: [], unknown: [], oversize: null };
  let pending = [...request.recipients];
  let lastReason = '';
  const settle = (addresses: string[]) => {
    const keys = new Set(addresses.map(recipientKey));
    pending = pending.filter((p) => !keys.has(recipientKey(p)));
  };

  /** Settle per-recipient refusals: final ones leave `pending`, temporary ones stay for the next attempt. */
  const refusals = (errors: SmtpError[]) => {
    for (const e of errors) {
      const address = original(e.recipient ?? '');
      lastReason = reasonOf(e);
      if (!isTemporary(e)) {
        result.rejected.push({ address, reason: lastReason });
        settle([address]);
      }
    }
  };
  const refuseAll = (reason: string) => {
    result.rejected.push(...pending.map((address) => ({ address, reason })));
    pending = [];
  };

  for (let attempt = 1; attempt <= attempts && pending.length > 0; attempt++) {
    if (attempt > 1) {
      const delay = baseDelayMs * 2 ** (attempt - 2);
      progress(`temporary failure (${lastReason}); retrying ${pending.length} recipient(s) in ${delay} ms, attempt ${attempt} of ${attempts}`);
      await sleep(delay);
    }
    progress(`sending to ${pending.join(', ')} via ${request.server.label}`);
    const outcome = await runSession(request.server, request.from, pending, request.message);
    if (outcome.kind === 'sent') {
      const keys = new Set(outcome.accepted.map(recipientKey));
      const took = pending.filter((p) => keys.has(recipientKey(p)));
      settle(took);
      refusals(outcome.rejectedErrors);
      result.accepted.push(...took);
      if (took.length > 0) await request.onAccepted?.(took);
    } else if (outcome.kind === 'too-large' || isSizeRefusal(outcome.error)) {
      const limit = outcome.kind === 'too-large' ? outcome.limit : null;
      result.oversize = { size: request.message.byteLength, limit };
      refuseAll(outcome.kind === 'too-large' ? `the message is larger than the server's limit (SIZE ${limit})` : reasonOf(outcome.error));
    } else if (isAmbiguous(outcome.error, outcome.handedOver)) {
      const reason = `the connection ended after the whole message was handed over, before the server answered (${reasonOf(outcome.error)}): it may or may not have been delivered`;
      // Recipients refused at RCPT TO never had the message; the ones taken there may have it.
      const taken = outcome.envelope === null ? null : new Set(outcome.envelope.accepted.map(recipientKey));
      if (outcome.envelope !== null) refusals(outcome.envelope.rejectedErrors);
      const maybe = pending.filter((p) => taken === null || taken.has(recipientKey(p)));
      settle(maybe);
      result.unknown.push(...maybe.map((address) => ({ address, reason })));
      if (maybe.length > 0) await request.onUnknown?.(maybe, reason);
      lastReason = reasonOf(outcome.error);
    } else if (Array.isArray(outcome.error.rejectedErrors) && outcome.error.rejectedErrors.length > 0) {
      refusals(outcome.error.rejectedErrors);
    } else {
      lastReason = reasonOf(outcome.error);
      if (!isTemporary(outcome.error)) refuseAll(lastReason);
    }
  }
  refuseAll(`gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${lastReason}`);
  return result;
}
