/**
 * sendVersion end to end: a real archived version, a real SMTP server on 127.0.0.1, and what arrives
 * parsed back with mailparser.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendVersion, type SendRequest } from '../../src/deliver/index.js';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';
import { buildVersion, copyVersion, startServer, TITLE, type BuiltVersion, type TestServer } from './helpers.js';

const FROM = 'Brief desk <desk@example.org>';
const FAST = { attempts: 4, baseDelayMs: 1 };

let built: BuiltVersion;
let pdfOnly: BuiltVersion;
const servers: TestServer[] = [];

beforeAll(async () => {
  built = await buildVersion();
  pdfOnly = await buildVersion(['pdf']);
}, 120_000);

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(script?: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(script);
  servers.push(s);
  return s;
}

function request(version: BuiltVersion, smtp: TestServer | null, extra: Partial<SendRequest> = {}): SendRequest {
  return {
    versionDir: version.dir,
    to: ['ana@example.org'],
    from: FROM,
    ...(smtp === null ? {} : { smtpUrl: smtp.url }),
    retry: FAST,
    ...extra,
  };
}

const logLines = (v: BuiltVersion): Array<Record<string, string>> => {
  const path = join(v.outDir, 'harbour-bridge', 'send-log.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
};

async function thrown(promise: Promise<unknown>): Promise<BriefwrightError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BriefwrightError);
    return error as BriefwrightError;
  }
  throw new Error('expected the promise to reject');
}

describe('sendVersion over SMTP', () => {
  it('delivers the archived PDF byte for byte, with HTML and text bodies, subject and friendly file name', async () => {
    const v = copyVersion(built);
    const smtp = await server();
    const report = await sendVersion(request(v, smtp, { to: ['ana@example.org', 'Ben Ólafsson <ben@example.org>'], cc: ['chief@example.org'] }));

    expect(report.accepted).toEqual(['ana@example.org', 'ben@example.org', 'chief@example.org']);
    expect(report.rejected).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
    const received = smtp.messages[0]!;
    expect(received.from).toBe('desk@example.org');
    expect(received.to).toEqual(['ana@example.org', 'ben@example.org', 'chief@example.org']);

    const mail: ParsedMail = await simpleParser(received.raw);
    expect(mail.subject).toBe(`${TITLE} — Thursday 9 March 2023 (v1)`);
    expect(mail.messageId).toBe(report.messageId);
    expect(mail.from?.value).toEqual([{ name: 'Brief desk', address: 'desk@example.org' }]);
    const to = Array.isArray(mail.to) ? mail.to[0]! : mail.to!;
    expect(to.value.map((a) => a.name)).toEqual(['', 'Ben Ólafsson']);
    expect(mail.attachments).toHaveLength(1);
    const attachment = mail.attachments[0]!;
    expect(attachment.filename).toBe('harbour-bridge-2023-03-09-v1.pdf');
    expect(attachment.contentType).toBe('application/pdf');
    expect(Buffer.compare(attachment.content, readFileSync(join(v.dir, 'briefing.pdf')))).toBe(0);

    // The title is text in the HTML, never markup; the non-Latin words arrive intact in both parts.
    const html = String(mail.html);
    expect(html).toContain('Harbour bridge &amp; tunnel &lt;review&gt;');
    expect(html).not.toContain('<review>');
    expect(html).toContain('Київ and Αθήνα');
    expect(html).toMatch(/Bottom line/i);
    // Handlebars escapes "=" and "&" in the attribute; mail clients decode them.
    expect(html).toContain('href="https://gazette.example/bridge?a&#x3D;1&amp;b&#x3D;2"');
    expect(mail.text).toContain(TITLE);
    expect(mail.text).toContain('BOTTOM LINE:');
    expect(mail.text).toContain('harbour-bridge-2023-03-09-v1.pdf');

    expect(logLines(v).map((l) => [l['version'], l['recipient'], l['messageId']])).toEqual([
      ['harbour-bridge/2023-03-09/v1', 'ana@example.org', report.messageId],
      ['harbour-bridge/2023-03-09/v1', 'ben@example.org', report.messageId],
      ['harbour-bridge/2023-03-09/v1', 'chief@example.org', report.messageId],
    ]);
  });

  it('retries a 421 at the end of DATA and the message arrives once', async () => {
    const v = copyVersion(built);
    const smtp = await server({ data: (c) => (c.dataCommands === 1 ? 421 : undefined) });
    const progress: string[] = [];
    const report = await sendVersion(request(v, smtp, { onProgress: (m) => progress.push(m) }));
    expect(report.accepted).toEqual(['ana@example.org']);
    expect(smtp.counts.dataCommands).toBe(2);
    expect(smtp.messages).toHaveLength(1);
    expect(progress.some((m) => /421.*retrying/.test(m))).toBe(true);
  });

  it('retries a 421 answered to RCPT TO on the first connection', async () => {
    const v = copyVersion(built);
    const smtp = await server({ rcpt: (_a, _s, c) => (c.connections === 1 ? 421 : undefined) });
    const report = await sendVersion(request(v, smtp));
    expect(report.accepted).toEqual(['ana@example.org']);
    expect(smtp.counts.connections).toBe(2);
    expect(smtp.messages).toHaveLength(1);
  });

  it('retries a connection dropped at RCPT TO (before DATA) and the message arrives once', async () => {
    const v = copyVersion(built);
    const smtp = await server({ rcpt: (_a, _s, c) => (c.connections === 1 ? 'drop' : undefined) });
    const report = await sendVersion(request(v, smtp, { to: ['ana@example.org', 'ben@example.org'] }));
    expect(report.accepted).toEqual(['ana@example.org', 'ben@example.org']);
    expect(report.unknown).toEqual([]);
    expect(smtp.counts.connections).toBe(2);
    expect(smtp.messages).toHaveLength(1);
    expect(logLines(v).map((l) => [l['recipient'], l['status']])).toEqual([
      ['ana@example.org', 'delivered'],
      ['ben@example.org', 'delivered'],
    ]);
  });

  it('retries a 4xx to RCPT TO for one of two recipients across a dropped connection, each gets one copy', async () => {
    const v = copyVersion(built);
    // First session: ben is deferred; second session: the connection drops at RCPT; third: ben is taken.
    const smtp = await server({ rcpt: (a, _s, c) => (a === 'ben@example.org' ? (c.connections === 1 ? 451 : c.connections === 2 ? 'drop' : undefined) : undefined) });
    const report = await sendVersion(request(v, smtp, { to: ['ana@example.org', 'ben@example.org'] }));
    expect(report.accepted).toEqual(['ana@example.org', 'ben@example.org']);
    expect(smtp.messages.map((m) => m.to)).toEqual([['ana@example.org'], ['ben@example.org']]);
    expect(smtp.counts.connections).toBe(3);
  });

  it('delivers to the others when one of three recipients gets a 550, and names the refused one', async () => {
    const v = copyVersion(built);
    const smtp = await server({ rcpt: (a) => (a === 'gone@example.org' ? 550 : undefined) });
    const report = await sendVersion(request(v, smtp, { to: ['ana@example.org', 'gone@example.org', 'cy@example.org'] }));
    expect(report.accepted).toEqual(['ana@example.org', 'cy@example.org']);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.address).toBe('gone@example.org');
    expect(report.rejected[0]!.reason).toMatch(/^550 /);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual(['ana@example.org', 'cy@example.org']);
    // 5xx is final: one connection, no retry.
    expect(smtp.counts.connections).toBe(1);
    expect(logLines(v).map((l) => l['recipient'])).toEqual(['ana@example.org', 'cy@example.org']);
  });

  it('sends a version once when two sends of it run at the same time (the send log is locked)', async () => {
    const v = copyVersion(built);
    const smtp = await server();
    const [a, b] = await Promise.all([sendVersion(request(v, smtp)), sendVersion(request(v, smtp))]);
    expect(smtp.messages).toHaveLength(1);
    expect([a.accepted.length, b.accepted.length].sort()).toEqual([0, 1]);
    expect([...a.skipped, ...b.skipped]).toHaveLength(1);
    expect(logLines(v)).toHaveLength(1);
    expect(existsSync(join(v.outDir, 'harbour-bridge', '.send.lock'))).toBe(false);
  });

  it('retries only a recipient refused with 4xx; the ones already served do not get a second copy', async () => {
    const v = copyVersion(built);
    const smtp = await server({ rcpt: (a, _s, c) => (a === 'full@example.org' && c.connections === 1 ? 452 : undefined) });
    const report = await sendVersion(request(v, smtp, { to: ['ana@example.org', 'full@example.org'] }));
    expect(report.accepted).toEqual(['ana@example.org', 'full@example.org']);
    expect(smtp.messages.map((m) => m.to)).toEqual([['ana@example.org'], ['full@example.org']]);
    // Both copies are the same message.
    expect(smtp.messages[0]!.raw.equals(smtp.messages[1]!.raw)).toBe(true);
  });

  it('skips recipients who already received the version, and sends again with resend', async () => {
    const v = copyVersion(built);
    const smtp = await server();
    const first = await sendVersion(request(v, smtp, { to: ['ana@example.org', 'ben@example.org'] }));
    expect(smtp.messages).toHaveLength(1);

    const again = await sendVersion(request(v, smtp, { to: ['ANA@example.org', 'ben@example.org'] }));
    expect(again).toMatchObject({ messageId: null, accepted: [], skipped: ['ANA@example.org', 'ben@example.org'] });
    expect(smtp.counts.connections).toBe(1);
    expect(smtp.messages).toHaveLength(1);

    // A new recipient alone gets it; the ones already served are skipped.
    const mixed = await sendVersion(request(v, smtp, { to: ['ana@example.org', 'dee@example.org'] }));
    expect(mixed.accepted).toEqual(['dee@example.org']);
    expect(mixed.skipped).toEqual(['ana@example.org']);
    expect(smtp.messages[1]!.to).toEqual(['dee@example.org']);

    const resent = await sendVersion(request(v, smtp, { to: ['ana@example.org', 'ben@example.org'], resend: true }));
    expect(resent.accepted).toEqual(['ana@example.org', 'ben@example.org']);
    expect(resent.skipped).toEqual([]);
    expect(smtp.messages).toHaveLength(3);
    // A resend is a new message: mail services drop a repeated Message-ID.
    expect(resent.messageId).not.toBe(first.messageId);
    expect(logLines(v)).toHaveLength(5);
  });

  it('throws DELIVERY naming every recipient when all are refused, and logs nobody', async () => {
    const v = copyVersion(built);
    const smtp = await server({ rcpt: () => 550 });
    const error = await thrown(sendVersion(request(v, smtp, { to: ['a@example.org', 'b@example.org'] })));
    expect(error.code).toBe(ErrorCode.DELIVERY);
    expect(error.message).toContain('a@example.org: 550');
    expect(error.message).toContain('b@example.org: 550');
    expect(smtp.counts.connections).toBe(1);
    expect(logLines(v)).toEqual([]);
  });

  it('gives up with DELIVERY after the last attempt when the server keeps answering 4xx', async () => {
    const v = copyVersion(built);
    const smtp = await server({ data: () => 451 });
    const error = await thrown(sendVersion(request(v, smtp, { retry: { attempts: 3, baseDelayMs: 1 } })));
    expect(error.code).toBe(ErrorCode.DELIVERY);
    expect(error.message).toMatch(/gave up after 3 attempts: 451/);
    expect(smtp.counts.dataCommands).toBe(3);
    expect(smtp.messages).toEqual([]);
  });

  it('retries a refused connection and then reports DELIVERY', async () => {
    const v = copyVersion(built);
    const closed = await startServer();
    await closed.close();
    const progress: string[] = [];
    const error = await thrown(
      sendVersion(request(v, null, { smtpUrl: closed.url, retry: { attempts: 2, baseDelayMs: 1 }, onProgress: (m) => progress.push(m) })),
    );
    expect(error.code).toBe(ErrorCode.DELIVERY);
    expect(error.message).toMatch(/gave up after 2 attempts: .*ECONNREFUSED/);
    expect(progress.filter((m) => m.startsWith('sending to'))).toHaveLength(2);
  });
});

describe('sendVersion without sending', () => {
  it('writes a parseable .eml with the attachment on a dry run and contacts no server', async () => {
    const v = copyVersion(built);
    const smtp = await server();
    const eml = join(tempDir('eml-'), 'brief.eml');
    const report = await sendVersion(request(v, smtp, { dryRun: true, emlPath: eml }));
    expect(smtp.counts.connections).toBe(0);
    expect(report).toMatchObject({ accepted: [], rejected: [], emlPath: eml });
    const mail = await simpleParser(readFileSync(eml));
    expect(mail.messageId).toBe(report.messageId);
    // Dated when the version was made (the Date header has whole seconds).
    expect(mail.date?.getTime()).toBe(Math.floor(Date.parse(v.manifest.createdAt) / 1000) * 1000);
    expect(mail.attachments[0]!.filename).toBe('harbour-bridge-2023-03-09-v1.pdf');
    expect(Buffer.compare(mail.attachments[0]!.content, readFileSync(join(v.dir, 'briefing.pdf')))).toBe(0);
    expect(mail.html).toBeTruthy();
    expect(mail.text).toBeTruthy();
    expect(logLines(v)).toEqual([]);

    // Same version, same request: the same bytes.
    const eml2 = join(tempDir('eml-'), 'brief.eml');
    await sendVersion(request(v, smtp, { dryRun: true, emlPath: eml2 }));
    expect(readFileSync(eml2).equals(readFileSync(eml))).toBe(true);
  });

  it('writes only the .eml when given an eml path and no SMTP URL', async () => {
    const v = copyVersion(built);
    const eml = join(tempDir('eml-'), 'only.eml');
    const report = await sendVersion(request(v, null, { emlPath: eml }));
    expect(report.emlPath).toBe(eml);
    expect(existsSync(eml)).toBe(true);
  });

  it('refuses to write the .eml inside the version folder', async () => {
    const v = copyVersion(built);
    const error = await thrown(sendVersion(request(v, null, { dryRun: true, emlPath: join(v.dir, 'mail.eml') })));
    expect(error.code).toBe(ErrorCode.USAGE);
    expect(existsSync(join(v.dir, 'mail.eml'))).toBe(false);
  });

  it('needs an SMTP URL to send', async () => {
    const error = await thrown(sendVersion(request(built, null)));
    expect(error.code).toBe(ErrorCode.DELIVERY);
    expect(error.message).toMatch(/SMTP/);
  });
});

describe('header injection', () => {
  const attempts: Array<[string, Partial<SendRequest>, RegExp]> = [
    ['subject', { subject: 'Hi\r\nBcc: evil@example.com' }, /^subject: .*line break/],
    ['recipient', { to: ['ana@example.org\r\nBcc: evil@example.com'] }, /^to: .*line break/],
    ['second recipient', { to: ['ana@example.org', 'ben@example.org\nBcc: evil@example.com'] }, /^to\[2\]: .*line break/],
    ['cc', { cc: ['x@example.org\rBcc: evil@example.com'] }, /^cc: .*line break/],
    ['sender name', { from: 'Desk\r\nBcc: evil@example.com <desk@example.org>' }, /^from: .*line break/],
    ['NUL in the subject', { subject: 'Brief\u0000' }, /^subject: /],
    ['address with a space', { to: ['ana maria@example.org'] }, /^to: .*not an email address/],
    ['address with two @', { to: ['ana@b@example.org'] }, /^to: .*not an email address/],
  ];
  for (const [what, extra, message] of attempts) {
    it(`refuses a ${what} before any connection`, async () => {
      const v = copyVersion(built);
      const smtp = await server();
      const eml = join(tempDir('eml-'), 'x.eml');
      const error = await thrown(sendVersion(request(v, smtp, { ...extra, emlPath: eml })));
      expect(error.code).toBe(ErrorCode.USAGE);
      expect(error.message).toMatch(message);
      expect(smtp.counts.connections).toBe(0);
      expect(existsSync(eml)).toBe(false);
    });
  }
});

describe('what is mailed is what was archived', () => {
  it('refuses a PDF changed after archiving (VERIFY) and sends nothing', async () => {
    const v = copyVersion(built);
    const pdf = join(v.dir, 'briefing.pdf');
    writeFileSync(pdf, Buffer.concat([readFileSync(pdf), Buffer.from('\n%tampered\n')]));
    const smtp = await server();
    const error = await thrown(sendVersion(request(v, smtp)));
    expect(error.code).toBe(ErrorCode.VERIFY);
    expect(error.message).toContain('briefing.pdf');
    expect(smtp.counts.connections).toBe(0);
  });

  it('refuses a version without briefing.pdf (DELIVERY)', async () => {
    const jsonOnly = await buildVersion(['json']);
    const error = await thrown(sendVersion(request(jsonOnly, null, { dryRun: true, emlPath: join(tempDir(), 'x.eml') })));
    expect(error.code).toBe(ErrorCode.DELIVERY);
    expect(error.message).toContain('briefing.pdf');
  });

  it('mails a version built without JSON with a title-only body and a warning', async () => {
    const v = copyVersion(pdfOnly);
    const smtp = await server();
    const report = await sendVersion(request(v, smtp));
    expect(report.accepted).toEqual(['ana@example.org']);
    expect(report.warnings.map((w) => w.kind)).toEqual(['delivery-note']);
    expect(report.warnings[0]!.reason).toContain('briefing.json');
    const mail = await simpleParser(smtp.messages[0]!.raw);
    expect(String(mail.html)).toContain('Harbour bridge &amp; tunnel');
    expect(String(mail.html)).not.toMatch(/Bottom line/i);
    expect(mail.attachments).toHaveLength(1);
  });
});
