/**
 * The MIME message of a brief email, built with nodemailer's MailComposer: multipart/mixed holding the
 * text and HTML alternatives and the archived PDF under a friendly name. Message-ID and MIME boundaries
 * are derived from the version and the recipients instead of random numbers, so the same send gives the
 * same bytes (a dry run can be compared with what is later sent); nodemailer encodes non-ASCII names and
 * subjects (RFC 2047).
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { domainToASCII } from 'node:url';
import { canonicalJson, sha256, type Manifest } from '../archive/manifest.js';
import { longDateLabel } from '../render/date-labels.js';
import { checkHeaderText, recipientKey, type Mailbox } from './addresses.js';

export interface MessageInput {
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  text: string;
  html: string;
  attachment: { filename: string; content: Uint8Array };
  messageId: string;
  date: Date;
}

/** "<slug>-<date>-v<N>.pdf": the name the PDF is attached under. */
export function attachmentName(brief: Manifest['brief']): string {
  return `${brief.slug}-${brief.date}-v${brief.version}.pdf`;
}

/** "<title> — <long date> (v<N>)"; white space in the title (a line break included) becomes one space. */
export function defaultSubject(brief: Manifest['brief']): string {
  const title = brief.title.replace(/[\s\u0000-\u001f\u007f-\u009f]+/gu, ' ').trim();
  return `${title} — ${longDateLabel(brief.date)} (v${brief.version})`;
}

/** The domain of the sender, in ASCII, for the right-hand side of the Message-ID. */
function idDomain(from: Mailbox): string {
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1);
  const ascii = domain.startsWith('[') ? '' : domainToASCII(domain);
  return ascii === '' ? 'briefwright.invalid' : ascii.toLowerCase();
}

export interface MessageIdentity {
  messageId: string;
  /** The shared part of the MIME boundaries. */
  boundary: string;
}

/**
 * Message-ID and boundary from what makes a send distinct: the version (its fingerprint and place), sender,
 * recipients, subject, and how many deliveries of the version the send log held before, so that a resend
 * gets a new Message-ID (mail services drop a second message with an id they have seen).
 */
export function messageIdentity(parts: {
  manifest: Manifest;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  priorDeliveries: number;
}): MessageIdentity {
  const { brief, fingerprint } = parts.manifest;
  const hash = sha256(
    canonicalJson({
      fingerprint,
      brief: [brief.slug, brief.date, brief.version],
      from: recipientKey(parts.from.address),
      to: parts.to.map((m) => recipientKey(m.address)).sort(),
      cc: parts.cc.map((m) => recipientKey(m.address)).sort(),
      subject: parts.subject,
      priorDeliveries: parts.priorDeliveries,
    }),
  );
  return { messageId: `<${hash.slice(0, 32)}.brief@${idDomain(parts.from)}>`, boundary: hash.slice(32, 48) };
}

const mailbox = (m: Mailbox) => (m.name === '' ? m.address : { name: m.name, address: m.address });

/** The message as the bytes of an .eml file (CRLF line ends), ready to hand to SMTP unchanged. */
export async function composeMessage(input: MessageInput, boundary: string): Promise<Buffer> {
  // Checked again here so that no caller can reach the composer with a header that could split.
  checkHeaderText('subject', input.subject);
  for (const m of [input.from, ...input.to, ...input.cc]) {
    checkHeaderText('address', m.address);
    checkHeaderText('name', m.name);
  }
  const composer = new MailComposer({
    from: mailbox(input.from),
    to: input.to.map(mailbox),
    ...(input.cc.length > 0 ? { cc: input.cc.map(mailbox) } : {}),
    subject: input.subject,
    messageId: input.messageId,
    date: input.date,
    text: input.text,
    html: input.html,
    attachments: [
      { filename: input.attachment.filename, content: Buffer.from(input.attachment.content), contentType: 'application/pdf' },
    ],
    baseBoundary: boundary,
    newline: 'windows',
    // Nothing in this message may be read from disk or the network by the composer.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
