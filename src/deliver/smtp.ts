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
 */
import nodemailer from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { recipientKey } from './addresses.js';

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

export interface SmtpServer {
  options: SMTPTransportOptions;
  /** The URL without the password, for messages. */
  label: string;
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
  const options: SMTPTransportOptions = {
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

/** What nodemailer attaches to the errors it hands back. */
interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
  recipient?: string;
  rejectedErrors?: SmtpError[];
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

/** The server's own words when there are any ("550 5.1.1 no such user"), else the error message. */
function reasonOf(error: SmtpError): string {
  return (error.response ?? error.message).replace(/\s+/g, ' ').trim();
}

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
  onProgress?: (message: string) => void;
  /** Waits between attempts; tests pass one that records the delays. */
  sleep?: (ms: number) => Promise<void>;
}

export interface DeliveryResult {
  accepted: string[];
  rejected: Array<{ address: string; reason: string }>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One SMTP session: the message to these recipients. */
async function sendOnce(server: SmtpServer, from: string, to: string[], message: Buffer) {
  const transport = nodemailer.createTransport(server.options);
  try {
    return await transport.sendMail({ envelope: { from, to }, raw: message });
  } finally {
    transport.close();
  }
}

/** Send with retries; resolves with who took it and who refused it (throws only for a bad retry policy). */
export async function deliver(request: DeliveryRequest): Promise<DeliveryResult> {
  const { attempts, baseDelayMs } = checkRetry(request.retry);
  const progress = request.onProgress ?? (() => {});
  const sleep = request.sleep ?? realSleep;
  const byKey = new Map(request.recipients.map((a) => [recipientKey(a), a]));
  const original = (address: string) => byKey.get(recipientKey(address)) ?? address;
  const accepted: string[] = [];
  const rejected: DeliveryResult['rejected'] = [];
  let pending = [...request.recipients];
  let lastReason = '';

  /** Settle per-recipient refusals: final ones leave `pending`, temporary ones stay for the next attempt. */
  const refusals = (errors: SmtpError[]) => {
    for (const e of errors) {
      const address = original(e.recipient ?? '');
      lastReason = reasonOf(e);
      if (!isTemporary(e)) {
        rejected.push({ address, reason: lastReason });
        pending = pending.filter((p) => recipientKey(p) !== recipientKey(address));
      }
    }
  };

  for (let attempt = 1; attempt <= attempts && pending.length > 0; attempt++) {
    if (attempt > 1) {
      const delay = baseDelayMs * 2 ** (attempt - 2);
      progress(`temporary failure (${lastReason}); retrying ${pending.length} recipient(s) in ${delay} ms, attempt ${attempt} of ${attempts}`);
      await sleep(delay);
    }
    progress(`sending to ${pending.join(', ')} via ${request.server.label}`);
    let took: string[] = [];
    try {
      const info = await sendOnce(request.server, request.from, pending, request.message);
      const keys = new Set(info.accepted.map((a) => recipientKey(String(a))));
      took = pending.filter((p) => keys.has(recipientKey(p)));
      pending = pending.filter((p) => !keys.has(recipientKey(p)));
      refusals((info.rejectedErrors ?? []) as SmtpError[]);
    } catch (caught) {
      const error = caught as SmtpError;
      if (Array.isArray(error.rejectedErrors) && error.rejectedErrors.length > 0) refusals(error.rejectedErrors);
      else {
        lastReason = reasonOf(error);
        if (!isTemporary(error)) {
          rejected.push(...pending.map((address) => ({ address, reason: lastReason })));
          pending = [];
        }
      }
    }
    accepted.push(...took);
    if (took.length > 0) await request.onAccepted?.(took);
  }
  const gaveUp = `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${lastReason}`;
  rejected.push(...pending.map((address) => ({ address, reason: gaveUp })));
  return { accepted, rejected };
}
