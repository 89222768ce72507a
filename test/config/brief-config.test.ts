import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { plannedJobs, resolveJob } from '../../src/cli/jobs.js';
import { loadBriefConfig, parseBriefConfig, todayIn } from '../../src/config/brief-config.js';
import { expandSources } from '../../src/config/source-globs.js';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'brief-config-'));
const path = join(dir, 'brief.yaml');

function configError(text: string, name = path): string {
  try {
    parseBriefConfig(text, name);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).code).toBe(ErrorCode.CONFIG);
    return (error as BriefwrightError).message;
  }
  throw new Error('expected a CONFIG error');
}

describe('brief config file', () => {
  it('reads one brief from top-level keys, resolving paths against the file', () => {
    writeFileSync(join(dir, 'house.yaml'), 'colors: {}\n');
    const config = parseBriefConfig(
      ['title: Harbour bridge', 'slug: harbour-bridge', 'sources: articles/*.txt', 'timezone: Europe/London', 'theme: house.yaml',
        'email:', '  to: [desk@example.org, chief@example.org]', '  from: briefs@example.org'].join('\n'),
      path,
    );
    expect(config.briefs).toEqual([
      {
        name: 'harbour-bridge', title: 'Harbour bridge', slug: 'harbour-bridge', sources: ['articles/*.txt'], base: dir,
        timezone: 'Europe/London', theme: join(dir, 'house.yaml'),
        email: { to: ['desk@example.org', 'chief@example.org'], cc: [], from: 'briefs@example.org' },
      },
    ]);
  });

  it('reads many briefs, with top-level keys as defaults each brief may override', () => {
    const config = parseBriefConfig(
      ['timezone: Asia/Tokyo', 'formats: [pdf, md]', 'briefs:', '  - slug: first', '    sources: [a]', '  - slug: second',
        '    sources: b/', '    timezone: America/Chicago', '    pageSize: letter'].join('\n'),
      path,
    );
    expect(config.briefs.map((b) => [b.name, b.timezone, b.formats, b.pageSize])).toEqual([
      ['first', 'Asia/Tokyo', ['pdf', 'md'], undefined],
      ['second', 'America/Chicago', ['pdf', 'md'], 'letter'],
    ]);
  });

  it.each([
    ['an unknown key, with its line', 'sources: a\ntitel: X', /brief\.yaml:2: unknown key "titel"/],
    ['an unknown key inside a brief', 'briefs:\n  - sources: a\n    recipients: x', /brief\.yaml:3: briefs\[0\]: unknown key "recipients"/],
    ['a brief without sources', 'briefs:\n  - slug: a\n', /brief\.yaml:2: briefs\[0\] has no "sources"/],
    ['a per-brief key used as a default', 'title: X\nbriefs:\n  - sources: a', /brief\.yaml:1: "title" belongs to each brief/],
    ['a bad time zone', 'sources: a\ntimezone: Europe/Londn', /brief\.yaml:2: "timezone" must be an IANA time zone/],
    ['a bad slug', 'sources: a\nslug: Big Story', /brief\.yaml:2: "slug" may hold only/],
    ['a bad format', 'sources: a\nformats: [pdf, docx]', /brief\.yaml:2: "formats" lists pdf, md or json, not "docx"/],
    ['a bad page size', 'sources: a\npageSize: A3', /brief\.yaml:2: "pageSize" must be A4 or Letter/],
    ['too few summary words', 'sources: a\nsummaryWords: 5', /brief\.yaml:2: "summaryWords" must be a whole number/],
    ['email without recipients', 'sources: a\nemail:\n  from: x@example.org', /brief\.yaml:3: "email" needs at least one address/],
    ['two briefs with one name', 'briefs:\n  - {slug: a, sources: x}\n  - {slug: a, sources: y}', /brief\.yaml:3: briefs\[1\] and briefs\[0\] are both "a"/],
    ['a duplicate key', 'sources: a\nsources: b', /brief\.yaml:2: not valid YAML/],
    ['broken YAML', 'sources: [a\n', /brief\.yaml:\d+: not valid YAML/],
    ['a brief with neither title nor slug', 'briefs:\n  - sources: a', /brief\.yaml:2: briefs\[0\] needs a "title" or a "slug"/],
    ['a theme that is not there', 'sources: a\ntitle: X\ntheme: nowhere.yaml', /brief\.yaml:3: "theme": .*nowhere\.yaml is not a file/],
    ['a banner of several lines', 'sources: a\ntitle: X\nbanner: "A\\nB"', /brief\.yaml:3: "banner" must be a single line/],
    ['an address with a space', 'sources: a\ntitle: X\nemail:\n  to: [ana maria@example.org]', /brief\.yaml:4: .*email\.to\[0\].*not an email address/],
    ['a subject with a line break', 'sources: a\ntitle: X\nemail:\n  to: a@example.org\n  subject: "Hi\\r\\nBcc: x@example.org"', /brief\.yaml:5: .*line break or control character/],
    ['an SMTP address that is not a URL', 'sources: a\ntitle: X\nemail:\n  to: a@example.org\n  smtp: mail.example.org', /brief\.yaml:5: /],
    ['email without pdf in the formats', 'sources: a\ntitle: X\nformats: [md]\nemail:\n  to: a@example.org', /brief\.yaml:3: "formats" must include pdf/],
    ['a list at the top', '- a\n- b', /brief\.yaml:1: must be a mapping/],
  ])('refuses %s, naming file and line', (_, text, expected) => {
    expect(configError(text)).toMatch(expected);
  });

  it('lays a brief\'s own email keys over the top-level ones, key by key', () => {
    const config = parseBriefConfig(
      ['email:', '  from: Desk <desk@example.org>', '  smtp: smtp://relay.example.org:25', 'briefs:', '  - slug: one', '    sources: a',
        '    email:', '      to: ana@example.org', '  - slug: two', '    sources: b', '    email:', '      to: ben@example.org', '      from: chief@example.org'].join('\n'),
      path,
    );
    expect(config.briefs.map((b) => b.email)).toEqual([
      { to: ['ana@example.org'], cc: [], from: 'Desk <desk@example.org>', smtp: 'smtp://relay.example.org:25' },
      { to: ['ben@example.org'], cc: [], from: 'chief@example.org', smtp: 'smtp://relay.example.org:25' },
    ]);
  });

  it('holds a .json config to JSON and names the line of a syntax error', () => {
    expect(configError('{\n  "sources": "a",\n}', join(dir, 'brief.json'))).toMatch(/brief\.json:3: not valid JSON/);
  });

  it('names a config file that cannot be read', () => {
    expect(() => loadBriefConfig(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: cannot read the config file: ENOENT/);
  });
});

describe('todayIn', () => {
  it('takes the calendar day of the brief’s time zone', () => {
    const now = DateTime.fromISO('2026-03-01T23:30:00Z');
    expect(todayIn('Europe/London', now)).toBe('2026-03-01');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-03-02');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-03-01');
  });
});

describe('configured briefs as build jobs', () => {
  const config = () =>
    parseBriefConfig(
      ['timezone: Asia/Tokyo', 'briefs:', '  - slug: tokyo', '    sources: [a.txt]', '  - slug: chicago', '    sources: [a.txt]', '    timezone: America/Chicago'].join('\n'),
      join(mkdtempSync(join(tmpdir(), 'brief-jobs-')), 'brief.yaml'),
    );
  const now = DateTime.fromISO('2026-03-01T23:30:00Z');

  it('dates each brief today in its own time zone', async () => {
    const jobs = await Promise.all(plannedJobs(config(), {}, now).map(resolveJob));
    expect(jobs.map((j) => [j.name, j.analyze.date])).toEqual([
      ['tokyo', '2026-03-02'],
      ['chicago', '2026-03-01'],
    ]);
  });

  it('dates every brief --date when it is given', async () => {
    const jobs = await Promise.all(plannedJobs(config(), { date: '2026-02-14' }, now).map(resolveJob));
    expect(jobs.map((j) => j.analyze.date)).toEqual(['2026-02-14', '2026-02-14']);
  });
});

describe('expandSources', () => {
  it('expands patterns to sorted files, keeps plain paths, and lists patterns that match nothing', async () => {
    const articles = join(dir, 'articles');
    mkdirSync(join(articles, 'more'), { recursive: true });
    for (const name of ['b.txt', 'a.txt', 'c.html', 'more/d.txt']) writeFileSync(join(articles, name), 'text');
    const expanded = await expandSources(['articles/**/*.txt', join(articles, 'c.html'), 'articles/*.md'], dir);
    expect(expanded.paths).toEqual([join(articles, 'a.txt'), join(articles, 'b.txt'), join(articles, 'more/d.txt'), join(articles, 'c.html')]);
    expect(expanded.unmatched).toEqual(['articles/*.md']);
  });

  it('reads patterns from a config folder whose name looks like glob syntax', async () => {
    const odd = join(dir, 'briefs (2024) [b]');
    mkdirSync(join(odd, 'feeds'), { recursive: true });
    writeFileSync(join(odd, 'feeds', 'a.txt'), 'text');
    expect((await expandSources(['feeds/*.txt'], odd)).paths).toEqual([join(odd, 'feeds', 'a.txt')]);
  });
});
