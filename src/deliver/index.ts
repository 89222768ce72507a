/**
 * Emailing an archived version: read it (checked against its manifest), skip recipients the send log says
 * already have it or may have it, build one MIME message, write it as .eml and/or send it over SMTP with
 * retries, and log each recipient the server took, and each whose delivery is unknown. The version folder
 * itself is only read.
 */
import { join, resolve } from 'node:path';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { warning, type Warning } from '../model/warning.js';
import { toolName, toolVersion } from '../paths.js';
import { checkHeaderText, parseMailboxes, parseRecipients, recipientKey, type Mailbox } from './addresses.js';
import { emailView, renderHtmlBody, renderTextBody } from './body.js';
import { checkEmlPath, writeEml } from './eml.js';
import { attachmentName, composeMessage, defaultSubject, messageIdentity } from './message.js';
import { appendSendLog, deliveredTo, deliveryCount, readSendLog, sendLogPath, unknownTo, type SendLog, type SendLogEntry } from './send-log.js';
import { checkRetry, defaultRetry, deliver, parseSmtpUrl, type Outcome, type RetryPolicy } from './smtp.js';
import { oversizeMessage } from './size.js';
import { acquireLock } from '../archive/lock.js';
import { readVersion } from './version.js';

export { resolveVersionDir } from './version.js';
export { parseSmtpUrl, defaultRetry, type RetryPolicy, type Outcome } from './smtp.js';
export { SEND_LOG_FILE, type SendLogEntry } from './send-log.js';

export interface SendRequest {
  /** A version folder (out/<slug>/<date>/v<N>). */
  versionDir: string;
  to: string[];
  cc?: string[];
  from: string;
  /** Default: "<title> — <long date> (v<N>)". */
  subject?: string;
  /** smtp:// or smtps://; required unless dryRun or emlPath is given. */
  smtpUrl?: string;
  /** Write the .eml, send nothing. */
  dryRun?: boolean;
  /** Where to write the .eml (dry run or not); a dry run without it writes <slug>-<date>-v<N>.eml here. */
  emlPath?: string;
  /** Send even to recipients the send log says already received this version. */
  resend?: boolean;
  /** Default: 4 attempts, 1000 ms, doubling. */
  retry?: RetryPolicy;
  onProgress?: (message: string) => void;
}

export interface SendReport {
  /** The Message-ID header of the message (also for a dry run); null when nothing was built. */
  messageId: string | null;
  /** Recipients the server took. */
  accepted: string[];
  /** Recipients the server refused, or that could not be reached after every attempt. */
  rejected: Outcome[];
  /**
   * Recipients whose delivery is unknown: the whole message was handed over and the connection ended before
   * the server answered. Logged as such, never retried, and skipped by later sends unless resend.
   */
  unknown: Outcome[];
  /** Recipients the send log says already have this version; not sent again. */
  skipped: string[];
  /** Recipients whose delivery of this version an earlier send left unknown; not sent again unless resend. */
  skippedUnknown: string[];
  emlPath: string | null;
  warnings: Warning[];
}

/** Everything checked before any file is read: addresses, subject, SMTP URL, retry policy. */
function checkRequest(request: SendRequest) {
  const senders = parseMailboxes('from', request.from);
  if (senders.length !== 1) throw new BriefwrightError(ErrorCode.USAGE, `from: give one sender address, not ${senders.length}`);
  const recipients = parseRecipients(request.to, request.cc ?? []);
  if (request.subject !== undefined) {
    checkHeaderText('subject', request.subject);
    if (request.subject.trim() === '') throw new BriefwrightError(ErrorCode.USAGE, 'subject: is empty');
  }
  const server = request.smtpUrl === undefined ? null : parseSmtpUrl(request.smtpUrl);
  const sending = !request.dryRun && !(server === null && request.emlPath !== undefined);
  if (sending && server === null) {
    throw new BriefwrightError(ErrorCode.DELIVERY, 'no SMTP server to send through: give an smtp:// or smtps:// URL, or ask for a dry run');
  }
  const retry = checkRetry(request.retry ?? defaultRetry);
  return { from: senders[0]!, recipients, server: sending ? server : null, retry };
}

/** Lock file beside the send log, held from reading the log to recording the delivery. */
const SEND_LOCK_FILE = '.send.lock';
/** A concurrent send may be in its retries (1 + 2 + 4 s and the transfers): wait well past that. */
const SEND_LOCK_WAIT_MS = 5 * 60_000;

/**
 * Email one archived version. Throws DELIVERY when nobody received it and nobody may have (a message over
 * the server's SIZE limit among those cases); resolves otherwise, with `unknown` for deliveries in doubt.
 */
export async function sendVersion(request: SendRequest): Promise<SendReport> {
  const progress = request.onProgress ?? (() => {});
  const { from, recipients, server, retry } = checkRequest(request);
  const warnings: Warning[] = [];
  for (const address of recipients.repeated) {
    warnings.push(warning('delivery-note', 'deliver', `${address} was given more than once; it gets one copy`));
  }

  const version = await readVersion(request.versionDir);
  warnings.push(...version.warnings);
  const { brief } = version.manifest;
  const attachment = attachmentName(brief);
  const emlPath = request.emlPath ?? (request.dryRun ? resolve(attachment.replace(/\.pdf$/, '.eml')) : null);
  if (emlPath !== null) checkEmlPath(emlPath, version.dir);

  // Two sends of one version at once must not both pass the send-log check: a lock of its own, so a
  // send waiting on SMTP retries never blocks a build.
  const sendLock =
    version.outDir !== null && server !== null
      ? await acquireLock(join(version.outDir, brief.slug), { name: SEND_LOCK_FILE, timeoutMs: SEND_LOCK_WAIT_MS })
      : null;
  if (sendLock) warnings.push(...sendLock.warnings);
  try {
    const versionKey = `${brief.slug}/${brief.date}/v${brief.version}`;
    let log: SendLog | null = null;
    if (version.outDir !== null) {
      log = await readSendLog(sendLogPath(version.outDir, brief.slug));
      warnings.push(...log.warnings);
    }
    const already = request.resend || log === null ? new Set<string>() : deliveredTo(log, versionKey);
    const inDoubt = request.resend || log === null ? new Set<string>() : unknownTo(log, versionKey);
    const skipped: string[] = [];
    const skippedUnknown: string[] = [];
    const keep = (list: Mailbox[]) =>
      list.filter((m) => {
        const key = recipientKey(m.address);
        if (already.has(key)) skipped.push(m.address);
        else if (inDoubt.has(key)) skippedUnknown.push(m.address);
        else return true;
        return false;
      });
    const to = keep(recipients.to);
    const cc = keep(recipients.cc);
    const none = { accepted: [], rejected: [], unknown: [], skipped, skippedUnknown, warnings };
    if (to.length + cc.length === 0) {
      progress(`every recipient already received ${versionKey}, or its delivery to them is unknown`);
      return { messageId: null, emlPath: null, ...none };
    }
    if (to.length === 0) warnings.push(warning('delivery-note', 'deliver', 'every To recipient already has this version; the Cc recipients are sent it alone'));

    const subject = request.subject ?? defaultSubject(brief);
    const priorDeliveries = log === null ? 0 : deliveryCount(log, versionKey);
    const identity = messageIdentity({ manifest: version.manifest, from, to, cc, subject, priorDeliveries });
    const view = emailView(version.briefing, {
      title: brief.title,
      date: brief.date,
      version: brief.version,
      attachment,
      generator: `${toolName} ${toolVersion}`,
    });
    progress(`composing the email for ${versionKey}`);
    const message = await composeMessage(
      {
        from,
        to,
        cc,
        subject,
        text: renderTextBody(view),
        html: renderHtmlBody(view),
        attachment: { filename: attachment, content: version.pdf },
        messageId: identity.messageId,
        // A dry run dates the message when the version was made, so its .eml is reproducible; a real send
        // carries the time it is sent, as spam filters expect.
        date: server === null ? new Date(version.manifest.createdAt) : new Date(),
      },
      identity.boundary,
    );
    if (emlPath !== null) {
      await writeEml(emlPath, message);
      progress(`wrote ${emlPath}`);
    }
    const report: SendReport = { messageId: identity.messageId, emlPath, ...none };
    if (server === null) return report;

    /** Record what happened to these recipients before any further attempt; a log that fails is a warning. */
    const record = async (addresses: string[], entry: Pick<SendLogEntry, 'status' | 'reason'>, unrecorded: string) => {
      if (log === null) return;
      const at = new Date().toISOString();
      try {
        await appendSendLog(
          log.path,
          addresses.map((recipient) => ({ version: versionKey, recipient, messageId: identity.messageId, at, ...entry })),
        );
      } catch (error) {
        const reason = `${unrecorded}, but not recorded in the send log (${(error as Error).message}); a later send will not skip ${addresses.join(', ')}`;
        warnings.push(warning('delivery-note', 'deliver', reason, { source: log.path }));
      }
    };

    const result = await deliver({
      server,
      from: from.address,
      recipients: [...to, ...cc].map((m) => m.address),
      message,
      retry,
      onProgress: progress,
      onAccepted: (addresses) => record(addresses, { status: 'delivered' }, 'sent'),
      onUnknown: (addresses, reason) => record(addresses, { status: 'unknown', reason }, 'maybe delivered'),
    });
    report.accepted = result.accepted;
    report.rejected = result.rejected;
    report.unknown = result.unknown;
    if (result.accepted.length === 0 && result.unknown.length === 0) {
      if (result.oversize !== null) {
        throw new BriefwrightError(ErrorCode.DELIVERY, oversizeMessage(versionKey, server.label, result.oversize, { name: attachment, bytes: version.pdf.byteLength }));
      }
      const why = result.rejected.map((r) => `${r.address}: ${r.reason}`).join('; ');
      throw new BriefwrightError(ErrorCode.DELIVERY, `${versionKey} reached nobody: ${why}`);
    }
    return report;
  } finally {
    await sendLock?.release();
  }
}
