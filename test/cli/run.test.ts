/**
 * `brief run --config brief.yaml`, the daily job as cron runs it: every configured brief built (each in
 * its own archive folder), emailed through a real SMTP server on 127.0.0.1, and nothing sent twice.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { exitCodes } from '../../src/errors.js';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { startServer, type TestServer } from '../deliver/helpers.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'versions');
const servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A folder with two articles and a brief.yaml configuring two briefs from them (the first emailed). */
function workspace(extraBrief = ''): string {
  const dir = tempDir('run-');
  mkdirSync(join(dir, 'articles'));
  for (const name of ['morning-herald.txt', 'vale-gazette.txt']) copyFileSync(join(fixtures, name), join(dir, 'articles', name));
  writeFileSync(
    join(dir, 'brief.yaml'),
    [
      'out: archive',
      'timezone: Europe/London',
      'formats: [pdf, json]',
      'briefs:',
      '  - title: Marlow Vale water main',
      '    slug: water-main',
      '    sources: articles/*.txt',
      '    email:',
      '      to: [desk@example.org, "Chief Editor <chief@example.org>"]',
      '      from: Brief desk <briefs@example.org>',
      '  - slug: herald-only',
      '    title: Herald coverage',
      '    sources: [articles/morning-*.txt]',
      extraBrief,
    ].join('\n'),
  );
  return dir;
}

describe('brief run', () => {
  it('builds every brief, emails the configured one with its PDF, and sends nothing on a rerun', async () => {
    const dir = workspace();
    const smtp = await startServer();
    servers.push(smtp);
    const args = ['run', '--config', 'brief.yaml', '--date', '2031-05-12'];
    const first = await runCliAsync(args, { BRIEF_SMTP_URL: smtp.url }, dir);
    expect(first.stderr).not.toContain('error');
    expect(first.status).toBe(0);
    const folders = first.stdout.split('\n').filter((l) => l.startsWith('archive/'));
    expect(folders).toEqual(['archive/water-main/2031-05-12/v1', 'archive/herald-only/2031-05-12/v1']);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to.sort()).toEqual(['chief@example.org', 'desk@example.org']);
    const mail = await simpleParser(smtp.messages[0]!.raw);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.content.equals(readFileSync(join(dir, folders[0]!, 'briefing.pdf')))).toBe(true);

    const again = await runCliAsync(args, { BRIEF_SMTP_URL: smtp.url }, dir);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/unchanged since v1/);
    expect(again.stderr).toMatch(/skipped desk@example\.org/);
    expect(smtp.messages).toHaveLength(1);
  });

  it('keeps going when one brief fails, and exits with that failure', async () => {
    const dir = workspace(['  - slug: empty', '    title: Nothing here', '    sources: feeds/*.html'].join('\n'));
    const r = await runCliAsync(['run', '-c', 'brief.yaml', '--date', '2031-05-12', '--dry-run'], {}, dir);
    expect(r.status).toBe(exitCodes.NO_SOURCES);
    expect(r.stdout).toContain('archive/herald-only/2031-05-12/v1');
    expect(r.stderr).toMatch(/empty: no file matches .*feeds\/\*\.html/);
    expect(r.stderr).toMatch(/1 of 3 brief\(s\) failed: empty/);
  });

  it('runs only the briefs named with --only, and names an unknown one', async () => {
    const dir = workspace();
    const r = await runCliAsync(['run', '-c', 'brief.yaml', '--only', 'herald-only', '--date', '2031-05-12'], {}, dir);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('archive/herald-only/2031-05-12/v1');
    const unknown = await runCliAsync(['run', '-c', 'brief.yaml', '--only', 'nope'], {}, dir);
    expect(unknown.status).toBe(exitCodes.USAGE);
    expect(unknown.stderr).toMatch(/no brief named "nope" in brief\.yaml \(it has: water-main, herald-only\)/);
  });

  it('refuses to send without an SMTP server unless it is a dry run', async () => {
    const dir = workspace();
    const r = await runCliAsync(['run', '-c', 'brief.yaml', '--only', 'water-main', '--date', '2031-05-12'], {}, dir);
    expect(r.status).toBe(exitCodes.CONFIG);
    expect(r.stderr).toMatch(/water-main: has email recipients but no SMTP server/);
    const dry = await runCliAsync(['run', '-c', 'brief.yaml', '--only', 'water-main', '--date', '2031-05-12', '--dry-run'], {}, dir);
    expect(dry.status).toBe(0);
    expect(dry.stderr).toMatch(/wrote \S*water-main-2031-05-12-v1\.eml \(nothing sent\)/);
  });

  it('names the line of a mistake in the config file', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'brief.yaml'), 'sources: a\ntitle: X\nrecipients: [a@example.org]\n');
    const r = await runCliAsync(['run', '-c', 'brief.yaml'], {}, dir);
    expect(r.status).toBe(exitCodes.CONFIG);
    expect(r.stderr).toMatch(/brief\.yaml:3: unknown key "recipients"/);
  });
});

describe('brief build --config', () => {
  it('builds every configured brief and sends nothing', async () => {
    const dir = workspace();
    const smtp = await startServer();
    servers.push(smtp);
    const r = await runCliAsync(['build', '--config', 'brief.yaml', '--date', '2031-05-12', '--format', 'json'], { BRIEF_SMTP_URL: smtp.url }, dir);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['archive/water-main/2031-05-12/v1', 'archive/herald-only/2031-05-12/v1']);
    // --format on the command line overrides the config's formats.
    expect(readdirSync(join(dir, 'archive/water-main/2031-05-12/v1')).sort()).toEqual(['briefing.json', 'manifest.json']);
    expect(smtp.counts.connections).toBe(0);
  });

  it('refuses sources together with --config, and --title with --config', async () => {
    const dir = workspace();
    const both = await runCliAsync(['build', 'articles', '--config', 'brief.yaml'], {}, dir);
    expect(both.status).toBe(exitCodes.USAGE);
    expect(both.stderr).toMatch(/give sources or --config, not both/);
    const title = await runCliAsync(['build', '--config', 'brief.yaml', '--title', 'X'], {}, dir);
    expect(title.status).toBe(exitCodes.USAGE);
    const none = await runCliAsync(['build'], {}, dir);
    expect(none.status).toBe(exitCodes.USAGE);
    expect(none.stderr).toMatch(/name the articles to read/);
  });
});
