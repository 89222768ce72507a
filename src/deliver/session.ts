/**
 * One SMTP session (nodemailer's SMTPConnection: connect, STARTTLS, EHLO, login, MAIL/RCPT/DATA), telling
 * the caller not only whether the message went through but, when it did not, whether the server can have
 * it. nodemailer reports a dropped connection as ECONNECTION / ETIMEDOUT with command "CONN" whatever was
 * in flight, so the session tracks the phase itself: the message is fed to nodemailer as a stream, and only
 * once that stream has been read to its end (nodemailer then adds the final "." itself) can the server have
 * received the whole message. A failure before then, or any failure the server answered with a reply
 * code, leaves nothing delivered; a drop or time-out after it, before any reply, may have delivered it.
 *
 * The server's SIZE limit (RFC 1870) is read from its EHLO reply before MAIL FROM, so a message that is too
 * large is refused before anything is sent.
 */
import { Readable } from 'node:stream';
import SMTPConnection, { type SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';

/** What nodemailer attaches to the errors it hands back. */
export interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  recipient?: string;
  rejectedErrors?: SmtpError[];
}

export interface SmtpServer {
  options: SMTPConnectionOptions & { auth?: { user: string; pass: string } };
  /** The URL without the password, for messages. */
  label: string;
}

/** The RCPT TO results of a session that failed later, when they can be known. */
export interface EnvelopeState {
  accepted: string[];
  rejectedErrors: SmtpError[];
}

export type SessionOutcome =
  | { kind: 'sent'; accepted: string[]; rejectedErrors: SmtpError[] }
  /** `handedOver`: the whole message had been given to the connection when it failed. */
  | { kind: 'failed'; error: SmtpError; handedOver: boolean; envelope: EnvelopeState | null }
  /** The server announced a SIZE limit below the message's size; nothing was sent. */
  | { kind: 'too-large'; limit: number };

/** The SIZE limit in an EHLO reply ("250-SIZE 10485760"); null when none is announced (or 0: no limit). */
export function sizeLimitOf(ehloReply: string | false): number | null {
  if (ehloReply === false) return null;
  const match = /^250[ -]SIZE(?:[ \t]+(\d+))?[ \t]*$/im.exec(ehloReply);
  const limit = Number(match?.[1] ?? 0);
  return limit > 0 ? limit : null;
}

/** Pieces small enough that the stream ends only when the socket has taken (nearly) all of the message. */
const CHUNK_BYTES = 16 * 1024;

function* chunks(message: Buffer): Generator<Buffer> {
  for (let at = 0; at < message.byteLength; at += CHUNK_BYTES) yield message.subarray(at, at + CHUNK_BYTES);
}

/**
 * nodemailer hands back no envelope when a send fails after RCPT TO, though its connection keeps one;
 * read it defensively. Without it, the caller must count every recipient of the session as maybe
 * delivered, which can leave someone unsent but never sends anyone a second copy.
 */
function envelopeOf(connection: SMTPConnection): EnvelopeState | null {
  const envelope = (connection as unknown as { _envelope?: { accepted?: unknown; rejectedErrors?: unknown } })._envelope;
  if (!envelope || !Array.isArray(envelope.accepted) || !Array.isArray(envelope.rejectedErrors)) return null;
  return { accepted: envelope.accepted.map(String), rejectedErrors: envelope.rejectedErrors as SmtpError[] };
}

/** Send `message` to `to` in one session; resolves with what happened (never rejects). */
export function runSession(server: SmtpServer, from: string, to: string[], message: Buffer): Promise<SessionOutcome> {
  const { auth, ...options } = server.options;
  const connection = new SMTPConnection(options);
  let handedOver = false;
  let settled = false;
  return new Promise((resolve) => {
    const finish = (outcome: SessionOutcome) => {
      if (settled) return;
      settled = true;
      connection.close();
      resolve(outcome);
    };
    const failed = (error: unknown) =>
      finish({ kind: 'failed', error: error as SmtpError, handedOver, envelope: handedOver ? envelopeOf(connection) : null });
    // nodemailer both emits the error and passes it to the pending callback: `finish` keeps the first.
    connection.on('error', failed);
    const send = () => {
      const body = Readable.from(chunks(message), { objectMode: false });
      body.once('end', () => {
        handedOver = true;
      });
      // The size also goes in MAIL FROM (SIZE=…), so a server that did not announce its limit can refuse there.
      connection.send({ from, to, size: message.byteLength }, body, (error, info) => {
        if (error || !info) return failed(error);
        finish({ kind: 'sent', accepted: info.accepted.map(String), rejectedErrors: (info.rejectedErrors ?? []) as SmtpError[] });
      });
    };
    connection.connect((error) => {
      if (error) return failed(error);
      // Right after connect the last reply is the EHLO reply (after STARTTLS, the second one).
      const limit = sizeLimitOf(connection.lastServerResponse);
      if (limit !== null && message.byteLength > limit) return finish({ kind: 'too-large', limit });
      if (auth !== undefined && connection.allowsAuth) {
        connection.login(auth, (loginError) => (loginError ? failed(loginError) : send()));
      } else send();
    });
  });
}
