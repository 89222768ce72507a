/**
 * `brief email` as a user runs it (bin/brief.js over dist/; build first), against a real SMTP server on
 * 127.0.0.1. The CLI runs in a child process started asynchronously, so this process's server can answer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../../src/errors.js';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { emailFixture } from '../deliver/helpers.js';

const brief = runCliAsync;

const email = emailFixture();

const FROM = ['--from', 'Brief desk <desk@example.org>'];

describe('brief email', () => {
  it('exits 10 when one of three recipients is refused: the other two get it, the refused one is named', async () => {
    const v = email.version();
    const smtp = await email.server({ rcpt: (a) => (a === 'gone@example.org' ? 550 : undefined) });
    const r = await brief(['email', v.dir, '--to', 'ana@example.org', '--to', 'gone@example.org', '--cc', 'cy@example.org', ...FROM, '--smtp', smtp.url]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(exitCodes.PARTIAL_DELIVERY);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual(['ana@example.org', 'cy@example.org']);
    const mail = await simpleParser(smtp.messages[0]!.raw);
    expect(r.stdout).toBe(`${mail.messageId}\n`);
    expect(r.stderr).toContain('sent to ana@example.org');
    expect(r.stderr).toContain('sent to cy@example.org');
    expect(r.stderr).toMatch(/not delivered to gone@example\.org: 550 /);
    expect(r.stderr).toMatch(/delivered to 2 of 3 recipients; not to gone@example\.org/);
  });

  it('sends "latest" with the sender and server from the environment, then skips the same recipients, then resends', async () => {
    const v = email.version();
    const smtp = await email.server();
    const env = { BRIEF_FROM: 'desk@example.org', BRIEF_SMTP_URL: smtp.url };
    const first = await brief(['email', 'latest', '--out', v.outDir, '--to', 'ana@example.org'], env);
    expect(first.status).toBe(0);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.from).toBe('desk@example.org');

    const again = await brief(['email', 'latest', '--out', v.outDir, '--to', 'ana@example.org'], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/skipped ana@example\.org: already received/);
    expect(smtp.counts.connections).toBe(1);

    const resent = await brief(['email', 'latest', '--out', v.outDir, '--to', 'ana@example.org', '--resend'], env);
    expect(resent.status).toBe(0);
    expect(smtp.messages).toHaveLength(2);
    expect(resent.stdout.trim()).not.toBe(first.stdout.trim());
    const log = readFileSync(join(v.outDir, 'harbour-bridge', 'send-log.jsonl'), 'utf8').trim().split('\n');
    expect(log).toHaveLength(2);
  });

  it('--dry-run writes a parseable .eml (by default <slug>-<date>-v<N>.eml here) and contacts no server', async () => {
    const v = email.version();
    const smtp = await email.server();
    const cwd = tempDir('email-cwd-');
    const r = await brief(['email', v.dir, '--to', 'ana@example.org', ...FROM, '--dry-run'], { BRIEF_SMTP_URL: smtp.url }, cwd);
    expect(r.status).toBe(0);
    expect(smtp.counts.connections).toBe(0);
    expect(readdirSync(cwd)).toEqual(['harbour-bridge-2023-03-09-v1.eml']);
    const mail = await simpleParser(readFileSync(join(cwd, 'harbour-bridge-2023-03-09-v1.eml')));
    expect(r.stdout).toBe(`${mail.messageId}\n`);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['harbour-bridge-2023-03-09-v1.pdf']);
    expect(r.stderr).toMatch(/nothing sent/);

    const eml = join(tempDir('email-eml-'), 'brief.eml');
    const named = await brief(['email', v.dir, '--to', 'ana@example.org', ...FROM, '--dry-run', '--eml', eml]);
    expect(named.status).toBe(0);
    expect(readFileSync(eml).equals(readFileSync(join(cwd, 'harbour-bridge-2023-03-09-v1.eml')))).toBe(true);
  });

  it('exits 9 when nobody receives it', async () => {
    const v = email.version();
    const smtp = await email.server({ rcpt: () => 550 });
    const r = await brief(['email', v.dir, '--to', 'ana@example.org', ...FROM, '--smtp', smtp.url]);
    expect(r.status).toBe(exitCodes.DELIVERY);
    expect(r.stderr).toMatch(/reached nobody: ana@example\.org: 550 /);
    expect(existsSync(join(v.outDir, 'harbour-bridge', 'send-log.jsonl'))).toBe(false);
  });

  it('exits 2 on a header injection attempt, before any connection', async () => {
    const v = email.version();
    const smtp = await email.server();
    const r = await brief(['email', v.dir, '--to', 'ana@example.org', ...FROM, '--smtp', smtp.url, '--subject', 'Hi\r\nBcc: evil@example.com']);
    expect(r.status).toBe(exitCodes.USAGE);
    expect(r.stderr).toMatch(/subject: .*line break/);
    expect(smtp.counts.connections).toBe(0);
  });

  it('exits 2 without a sender or a server, naming the flag and the variable', async () => {
    const v = email.version();
    const noFrom = await brief(['email', v.dir, '--to', 'ana@example.org', '--dry-run']);
    expect(noFrom.status).toBe(exitCodes.USAGE);
    expect(noFrom.stderr).toMatch(/--from.*BRIEF_FROM/);
    const noServer = await brief(['email', v.dir, '--to', 'ana@example.org', ...FROM]);
    expect(noServer.status).toBe(exitCodes.USAGE);
    expect(noServer.stderr).toMatch(/--smtp.*BRIEF_SMTP_URL/);
    const noTo = await brief(['email', v.dir, ...FROM, '--dry-run']);
    expect(noTo.status).toBe(exitCodes.USAGE);
  });

  it('exits 9 on an SMTP URL that is not smtp:// or smtps://', async () => {
    const v = email.version();
    const r = await brief(['email', v.dir, '--to', 'ana@example.org', ...FROM, '--smtp', 'https://desk:hunter2@mail.example.org']);
    expect(r.status).toBe(exitCodes.DELIVERY);
    expect(r.stderr).toMatch(/smtp:\/\/ or smtps:\/\//);
    expect(r.stderr).not.toContain('hunter2');
  });
});
