/**
 * The send log, out/<slug>/send-log.jsonl: one JSON line per recipient a version was delivered to, or whose
 * delivery is unknown (status "unknown": the connection dropped after the message was handed over, before
 * the server answered). Lines without a status, written before statuses existed, mean delivered. It sits
 * beside the date folders because version folders are never modified, and is only ever appended to, so a
 * crash can at worst cut the last line (which is then skipped with a warning).
 */
import { join } from 'node:path';
import { OPEN, openNoFollow, readFileNoFollow } from '../archive/confine.js';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { warning, type Warning } from '../model/warning.js';
import { recipientKey } from './addresses.js';

export const SEND_LOG_FILE = 'send-log.jsonl';

export interface SendLogEntry {
  /** The version folder relative to the archive root: "<slug>/<date>/v<N>". */
  version: string;
  /** The recipient's address in lower case. */
  recipient: string;
  messageId: string;
  /** When the server accepted the message for this recipient, or the attempt ended unanswered (ISO 8601, UTC). */
  at: string;
  /** "delivered" when absent. Any status other than "delivered" counts as unknown: never sent again unasked. */
  status?: DeliveryStatus | string;
  /** Why the delivery is unknown, in words. */
  reason?: string;
}

export type DeliveryStatus = 'delivered' | 'unknown';

/** What a line says happened: delivered (also the lines without a status), or unknown. */
export function statusOf(entry: SendLogEntry): DeliveryStatus {
  return entry.status === undefined || entry.status === 'delivered' ? 'delivered' : 'unknown';
}

export interface SendLog {
  path: string;
  entries: SendLogEntry[];
  warnings: Warning[];
}

/** out/<slug>/send-log.jsonl for a brief. */
export function sendLogPath(outDir: string, slug: string): string {
  return join(outDir, slug, SEND_LOG_FILE);
}

function isEntry(value: unknown): value is SendLogEntry {
  const v = value as Partial<SendLogEntry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.version === 'string' &&
    typeof v.recipient === 'string' &&
    typeof v.messageId === 'string' &&
    typeof v.at === 'string' &&
    (v.status === undefined || typeof v.status === 'string')
  );
}

/** Read the log; a missing file is an empty log, a line that is not an entry is skipped with a warning. */
export async function readSendLog(path: string): Promise<SendLog> {
  let text: string;
  try {
    // A log that is a link is refused (ErrorCode.ARCHIVE): skipping and recording must not happen elsewhere.
    text = (await readFileNoFollow(path)).toString('utf8');
  } catch (error) {
    if (error instanceof BriefwrightError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, entries: [], warnings: [] };
    throw new BriefwrightError(ErrorCode.DELIVERY, `cannot read the send log ${path}: ${(error as Error).message}`, { cause: error });
  }
  const entries: SendLogEntry[] = [];
  const warnings: Warning[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (isEntry(parsed)) entries.push(parsed);
    else {
      const reason = 'this line of the send log is not an entry and was ignored';
      warnings.push(warning('delivery-note', 'deliver', reason, { source: path, position: { line: i + 1 }, text: line }));
    }
  });
  return { path, entries, warnings };
}

/** The recipients (lower case) the log says already received a version. */
export function deliveredTo(log: SendLog, version: string): Set<string> {
  return new Set(log.entries.filter((e) => e.version === version && statusOf(e) === 'delivered').map((e) => recipientKey(e.recipient)));
}

/** The recipients (lower case) whose delivery of a version is unknown, and was not delivered since. */
export function unknownTo(log: SendLog, version: string): Set<string> {
  const delivered = deliveredTo(log, version);
  const unknown = log.entries.filter((e) => e.version === version && statusOf(e) === 'unknown').map((e) => recipientKey(e.recipient));
  return new Set(unknown.filter((r) => !delivered.has(r)));
}

/**
 * How many deliveries of a version the log holds (to any recipient). Unknown ones do not count, so sending
 * again after one reuses its Message-ID: a mail system that did get the first copy can drop the second.
 */
export function deliveryCount(log: SendLog, version: string): number {
  return log.entries.filter((e) => e.version === version && statusOf(e) === 'delivered').length;
}

/** One line per entry, the keys always in the same order. */
export function sendLogLines(entries: readonly SendLogEntry[]): string {
  return entries
    .map((e) => {
      const line: SendLogEntry = { version: e.version, recipient: recipientKey(e.recipient), messageId: e.messageId, at: e.at };
      if (e.status !== undefined) line.status = e.status;
      if (e.reason !== undefined) line.reason = e.reason;
      return `${JSON.stringify(line)}\n`;
    })
    .join('');
}

/**
 * Append entries and flush them to disk before returning. When an earlier run was cut off mid-line, a
 * newline is written first so the new entries start on their own lines.
 */
export async function appendSendLog(path: string, entries: readonly SendLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  try {
    const handle = await openNoFollow(path, OPEN.append);
    try {
      const { size } = await handle.stat();
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      await handle.appendFile(prefix + sendLogLines(entries), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof BriefwrightError) throw error;
    throw new BriefwrightError(ErrorCode.DELIVERY, `cannot append to the send log ${path}: ${(error as Error).message}`, { cause: error });
  }
}
