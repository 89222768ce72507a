/**
 * Regression: when the connection dropped after the whole message was handed over (the final "." sent) and
 * before the server answered, the send was retried, so every stakeholder got the brief twice, and it was
 * reported as plain success. Now that delivery is unknown: not retried, logged per recipient with status
 * "unknown", reported with exit status 11, skipped by later sends, and sent again only with --resend.
 * Against a real SMTP server on 127.0.0.1 that takes the message and cuts the connection unanswered.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { sendVersion, type SendRequest } from '../../src/deliver/index.js';
import { exitCodes } from '../../src/errors.js';
import { emailFixture, type BuiltVersion, type ServerScript, type TestServer } from '../deliver/helpers.js';
import { runCliAsync } from '../helpers/cli.js';

const FAST = { attempts: 4, baseDelayMs: 1 };
/** The first message is taken and the connection cut before the answer; later ones are answered. */
const dropFirst: ServerScript = { data: (c) => (c.dataCommands === 1 ? 'drop' : undefined) };

const fixture = emailFixture();

const logPath = (v: BuiltVersion) => join(v.outDir, 'harbour-bridge', 'send-log.jsonl');
const logLines = (v: BuiltVersion): Array<Record<string, string>> =>
  existsSync(logPath(v)) ? readFileSync(logPath(v), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>) : [];

function request(v: BuiltVersion, smtp: TestServer, extra: Partial<SendRequest> = {}): SendRequest {
  return { versionDir: v.dir, to: ['ana@example.org', 'ben@example.org'], from: 'desk@example.org', smtpUrl: smtp.url, retry: FAST, ...extra };
}

describe('a connection dropped after the message was handed over (library)', () => {
  it('is not retried, is logged as unknown per recipient, and later sends skip it until resend', async () => {
    const v = fixture.version();
    const smtp = await fixture.server(dropFirst);
    const report = await sendVersion(request(v, smtp));
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.counts.connections).toBe(1);
    expect(report.accepted).toEqual([]);
    expect(report.rejected).toEqual([]);
    expect(report.unknown.map((u) => u.address)).toEqual(['ana@example.org', 'ben@example.org']);
    expect(report.unknown[0]!.reason).toMatch(/before the server answered.*may or may not have been delivered/);
    expect(logLines(v).map((l) => [l['recipient'], l['status'], l['messageId']])).toEqual([
      ['ana@example.org', 'unknown', report.messageId],
      ['ben@example.org', 'unknown', report.messageId],
    ]);

    const again = await sendVersion(request(v, smtp));
    expect(again).toMatchObject({ messageId: null, accepted: [], unknown: [], skipped: [], skippedUnknown: ['ana@example.org', 'ben@example.org'] });
    expect(smtp.counts.connections).toBe(1);

    const resent = await sendVersion(request(v, smtp, { resend: true }));
    expect(resent.accepted).toEqual(['ana@example.org', 'ben@example.org']);
    expect(smtp.messages).toHaveLength(2);
    // The same Message-ID as the copy in doubt: a mail system that did get it can drop this one.
    expect(resent.messageId).toBe(report.messageId);
    expect(logLines(v).map((l) => l['status'])).toEqual(['unknown', 'unknown', 'delivered', 'delivered']);
  });

  it('keeps mixed outcomes apart: the one taken at RCPT is unknown, a 550 is refused, a 452 is retried once', async () => {
    const v = fixture.version();
    const smtp = await fixture.server({
      rcpt: (a, _s, c) => (a === 'gone@example.org' ? 550 : a === 'later@example.org' && c.connections === 1 ? 452 : undefined),
      ...dropFirst,
    });
    const report = await sendVersion(request(v, smtp, { to: ['ana@example.org', 'gone@example.org', 'later@example.org'] }));
    expect(report.unknown.map((u) => u.address)).toEqual(['ana@example.org']);
    expect(report.rejected.map((r) => r.address)).toEqual(['gone@example.org']);
    expect(report.accepted).toEqual(['later@example.org']);
    expect(smtp.messages.map((m) => m.to)).toEqual([['ana@example.org'], ['later@example.org']]);
  });
});

describe('brief email when the connection drops after the message was handed over', () => {
  const email = (v: BuiltVersion, smtp: TestServer, ...extra: string[]) =>
    runCliAsync(['email', v.dir, '--to', 'ana@example.org', '--cc', 'ben@example.org', '--from', 'desk@example.org', '--smtp', smtp.url, ...extra]);

  it('exits 11 explaining why, sends nothing on the next run, and sends again with --resend', async () => {
    const v = fixture.version();
    const smtp = await fixture.server(dropFirst);
    const first = await email(v, smtp);
    expect(first.stderr).not.toContain('internal error');
    expect(first.status).toBe(exitCodes.DELIVERY_UNKNOWN);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.counts.connections).toBe(1);
    expect(first.stderr).toMatch(/delivery to ana@example\.org unknown: the connection ended after the whole message was handed over/);
    expect(first.stderr).toMatch(/delivery unknown for ana@example\.org, ben@example\.org \(0 delivered, 0 refused\)/);
    expect(first.stderr).toContain('--resend');
    expect(first.stderr).not.toMatch(/sent to /);
    const mail = await simpleParser(smtp.messages[0]!.raw);
    expect(first.stdout).toBe(`${mail.messageId}\n`);
    expect(logLines(v).map((l) => [l['recipient'], l['status']])).toEqual([
      ['ana@example.org', 'unknown'],
      ['ben@example.org', 'unknown'],
    ]);

    const second = await email(v, smtp);
    expect(second.status).toBe(exitCodes.DELIVERY_UNKNOWN);
    expect(second.stderr).toMatch(/skipped ana@example\.org: an earlier send of this version may or may not have reached them .*--resend sends it again/);
    expect(smtp.counts.connections).toBe(1);
    expect(smtp.messages).toHaveLength(1);

    const resent = await email(v, smtp, '--resend');
    expect(resent.status).toBe(0);
    expect(resent.stderr).toContain('sent to ana@example.org');
    expect(smtp.messages).toHaveLength(2);
  });

  it('still reads a send-log line without a status (written before statuses) as delivered', async () => {
    const v = fixture.version();
    const smtp = await fixture.server();
    const old = { version: 'harbour-bridge/2023-03-09/v1', messageId: '<old@example.org>', at: '2023-03-09T07:00:00.000Z' };
    writeFileSync(logPath(v), ['ana@example.org', 'ben@example.org'].map((recipient) => `${JSON.stringify({ ...old, recipient })}\n`).join(''));
    const r = await email(v, smtp);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/skipped ana@example\.org: already received/);
    expect(smtp.counts.connections).toBe(0);
  });
});
