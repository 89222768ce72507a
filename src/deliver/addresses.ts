/**
 * Checks on everything that becomes a mail header: addresses, display names and the subject. A CR or LF in
 * any of them could add headers ("Bcc: …") to the message, so they are refused before anything is built,
 * naming the field, rather than silently folded away.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { BriefwrightError, ErrorCode } from '../errors.js';

/** A mailbox: the address, and the display name when one was given ("Ana Ruiz <ana@example.org>"). */
export interface Mailbox {
  address: string;
  name: string;
}

// C0 controls (CR and LF among them), DEL, C1 controls, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

// Local part: printable characters except the specials and spaces; non-ASCII is allowed (SMTPUTF8).
const LOCAL_PART = /^[^\s()<>[\]\\,;:"@\u0000-\u001f\u007f]+$/u;
// Domain: dot-separated labels of letters, digits and hyphens (any script), or a bracketed IP literal.
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*|\[[0-9A-Fa-f:.]+\])$/u;

function refuse(field: string, message: string): never {
  throw new BriefwrightError(ErrorCode.USAGE, `${field}: ${message}`);
}

/** Show a value in an error message on one line, control characters made visible. */
function shown(value: string): string {
  const quoted = JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value);
  // JSON escapes C0 controls only; the rest must not reach a terminal either.
  return quoted.replace(/[\u007f-\u009f\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Refuse a header value holding a line break or another control character. */
export function checkHeaderText(field: string, value: string): string {
  if (CONTROL.test(value)) refuse(field, `${shown(value)} contains a line break or control character`);
  return value;
}

/** True for an address with exactly one "@", a plausible local part and domain, and no spaces. */
export function isEmailAddress(address: string): boolean {
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@') || address.length > 254) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return local.length <= 64 && LOCAL_PART.test(local) && !/^\.|\.$|\.\./.test(local) && DOMAIN.test(domain);
}

/**
 * Parse one entry ("a@x.org", "Ana Ruiz <ana@x.org>", or several separated by commas) into mailboxes.
 * `field` names the entry in errors ("to", "cc[2]", "from").
 */
export function parseMailboxes(field: string, entry: string): Mailbox[] {
  checkHeaderText(field, entry);
  if (entry.trim() === '') refuse(field, 'is empty');
  const parsed = addressparser(entry, { flatten: true });
  if (parsed.length === 0) refuse(field, `${shown(entry)} holds no email address`);
  return parsed.map((p) => {
    const address = p.address.trim();
    if (!isEmailAddress(address)) {
      refuse(field, `${shown(address || entry)} is not an email address (expected name@domain, one "@", no spaces)`);
    }
    // The parser is lenient: "ana maria@x.org" would become "ana" <maria@x.org>. A name needs angle brackets.
    if (p.name.trim() !== '' && !entry.includes(`<${address}>`)) {
      refuse(field, `${shown(entry)} is not an email address (no spaces; write a name as "Name <address>")`);
    }
    return { address, name: p.name.replace(/\s+/g, ' ').trim() };
  });
}

/** The recipients of one message, each address once. */
export interface Recipients {
  to: Mailbox[];
  cc: Mailbox[];
  /** Addresses given more than once (compared without case); each is kept at its first place, To before Cc. */
  repeated: string[];
}

/** Parse the To and Cc entries; `to` must name at least one address. */
export function parseRecipients(to: readonly string[], cc: readonly string[] = []): Recipients {
  if (to.length === 0) refuse('to', 'name at least one recipient');
  const seen = new Set<string>();
  const repeated: string[] = [];
  const list = (field: string, entries: readonly string[]): Mailbox[] =>
    entries.flatMap((entry, i) =>
      parseMailboxes(entries.length > 1 ? `${field}[${i + 1}]` : field, entry).filter((box) => {
        const key = recipientKey(box.address);
        if (seen.has(key)) {
          repeated.push(box.address);
          return false;
        }
        seen.add(key);
        return true;
      }),
    );
  return { to: list('to', to), cc: list('cc', cc), repeated };
}

/** The key under which a recipient is compared and logged: the address in lower case. */
export function recipientKey(address: string): string {
  return address.toLowerCase();
}
