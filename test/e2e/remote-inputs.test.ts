/**
 * Feeds and URLs as inputs, against a real HTTP server on 127.0.0.1: a feed whose items carry their own
 * text or only a teaser, a page behind a redirect, a 404, a redirect to file:, a feed with a billion-laughs
 * DTD; a rerun reads the cache beside the archive and fetches nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrief, type BriefResult } from '../../src/brief.js';
import { TEASER_FETCHES } from '../../src/ingest/remote.js';
import { defaultInputOptions } from '../../src/options.js';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { page, redirect, startServer, type TestServer } from '../helpers/http-server.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'remote');
let server: TestServer;

beforeAll(async () => {
  const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8').replaceAll('ORIGIN', server.origin);
  server = await startServer({
    '/feed.xml': (q, r) => page(fixture('feed.xml'), 'application/rss+xml')(q, r),
    '/laughs.xml': (q, r) => page(fixture('laughs.xml'), 'application/xml')(q, r),
    '/story-2.html': (q, r) => page(fixture('story-2.html'))(q, r),
    '/moved': redirect('/story-2.html', 301),
    '/to-file': redirect('file:///etc/passwd'),
    '/teasers.xml': (q, r) => page(teaserFeed(server.origin), 'application/rss+xml')(q, r),
    // Each page answers after a pause, so fetches made together overlap on the server.
    '/slow': (q, r) => setTimeout(() => page(slowPage(Number(new URL(q.url ?? '', server.origin).searchParams.get('n'))))(q, r), 150),
  });
});
afterAll(() => server.close());

const SLOW_PAGES = 6;

/** An RSS feed of teaser items only, each linking to a page of /slow. */
function teaserFeed(origin: string): string {
  const items = Array.from({ length: SLOW_PAGES }, (_, i) => `<item><title>Pier works, day ${i + 1}</title><link>${origin}/slow?n=${i + 1}</link><description>Day ${i + 1} of the works.</description><pubDate>Mon, 0${i + 1} Jun 2031 08:00:00 GMT</pubDate></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Pier Diary</title><link>${origin}/</link><description>Works</description>${items.join('')}</channel></rss>`;
}

function slowPage(n: number): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Pier works, day ${n}</title></head><body><article><h1>Pier works, day ${n}</h1>` +
    `<p>Crews replaced ${n * 4} timber piles at the Tidewater pier on day ${n} of the works, the harbour office said on Monday.</p>` +
    `<p>The pier will reopen to walkers once the decking is finished, which the contractor expects within ${10 - n} weeks.</p></article></body></html>`;
}

function build(inputs: string[], outDir: string, input: Partial<typeof defaultInputOptions> = {}): Promise<BriefResult> {
  return buildBrief({
    inputs,
    analyze: { date: '2031-06-03', title: 'Tidewater pier', summaryWords: 60, keyQuotes: 4 },
    output: { outDir, formats: ['json'], pageSize: 'A4' },
    input: { ...defaultInputOptions, allowPrivate: true, ...input },
  });
}

describe('a feed and a URL as inputs', () => {
  let first: BriefResult;
  let again: BriefResult;
  let requestsOnRerun: string[];
  const archive = tempDir('remote-archive-');

  beforeAll(async () => {
    server.reset();
    first = await build([`${server.origin}/feed.xml`, `${server.origin}/moved`], archive);
    server.reset();
    again = await build([`${server.origin}/feed.xml`, `${server.origin}/moved`], archive);
    requestsOnRerun = server.requests.map((r) => r.path).sort();
  });

  it('reads an item\'s own text as a source of the feed, with the feed\'s metadata', () => {
    const item = first.briefing.sources.find((s) => s.path === `${server.origin}/feed.xml` && s.title === 'Ferry back on the water after storm');
    expect(item).toMatchObject({ outlet: 'Tidewater Gazette & Harbour', published: '2031-06-03', author: 'Marta Quell' });
  });

  it('fetches the page of a teaser item, and the page\'s own metadata wins', () => {
    const fetched = first.briefing.sources.filter((s) => s.path === `${server.origin}/story-2.html` || s.path === `${server.origin}/moved`);
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched[0]).toMatchObject({ outlet: 'Estuary Post', published: '2031-06-02', author: 'Lena Hart' });
  });

  it('names a page that failed and reads its item from the teaser', () => {
    const failed = first.warnings.find((w) => w.reason.includes(`${server.origin}/missing.html`));
    expect(failed?.reason).toMatch(/404/);
  });

  it('reruns from the cache beside the archive: only the pages that failed are asked for again', () => {
    expect(requestsOnRerun).toEqual(['/missing.html', '/old.html']);
    expect(again.version.created).toBe(false);
  });

  it('verify --inputs checks fetched inputs against the cache beside the archive', async () => {
    const cli = await runCliAsync(['verify', first.version.dir, '--inputs']);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
  });

  it('reruns a brief whose every URL was fetched without a single request', async () => {
    const out = tempDir('cached-');
    await build([`${server.origin}/moved`], out);
    server.reset();
    const rerun = await build([`${server.origin}/moved`], out);
    expect(server.requests).toHaveLength(0);
    expect(rerun.version.created).toBe(false);
  });

  it('hashes the fetched bytes', () => {
    const page2 = first.briefing.sources.find((s) => s.path === `${server.origin}/story-2.html`);
    const body = readFileSync(join(fixtures, 'story-2.html'), 'utf8').replaceAll('ORIGIN', server.origin);
    const manifest = JSON.parse(readFileSync(join(first.version.dir, 'manifest.json'), 'utf8')) as { inputs: Array<{ path: string; sha256: string }> };
    expect(page2).toBeDefined();
    expect(manifest.inputs.find((i) => i.path === page2!.path)?.sha256).toBe(createHash('sha256').update(body).digest('hex'));
  });
});

describe('teaser pages of a feed', () => {
  it('are fetched a few at a time, never more than TEASER_FETCHES, and every one is read', async () => {
    server.reset();
    const result = await build([`${server.origin}/teasers.xml`], tempDir('teasers-'));
    expect(server.mostInFlight()).toBeGreaterThan(1);
    expect(server.mostInFlight()).toBeLessThanOrEqual(TEASER_FETCHES);
    expect(result.briefing.sources.map((s) => s.title).sort()).toEqual(Array.from({ length: SLOW_PAGES }, (_, i) => `Pier works, day ${i + 1}`));
  });
});

describe('feed items by date', () => {
  it('keeps only items published since the limit', async () => {
    const result = await build([`${server.origin}/feed.xml`], tempDir('since-'), { sinceMs: Date.parse('2031-06-01T00:00:00Z') });
    expect(result.briefing.sources.map((s) => s.title)).not.toContain('Storm closes the harbour');
    expect(result.warnings.some((w) => /1 item published before the --since limit/.test(w.reason))).toBe(true);
  });
});

describe('hostile servers and feeds', () => {
  it('never expands a feed\'s entities nor reads the file an external entity names', async () => {
    const result = await build([`${server.origin}/laughs.xml`], tempDir('laughs-'));
    const json = JSON.stringify(result.briefing);
    expect(json).not.toMatch(/lollol/);
    expect(json).not.toContain(readFileSync('/etc/hostname', 'utf8').trim() || 'no-hostname-marker');
  });

  it('refuses a redirect to file: and builds from the rest', async () => {
    const result = await build([`${server.origin}/to-file`, `${server.origin}/story-2.html`], tempDir('to-file-'));
    expect(result.warnings.find((w) => w.source === `${server.origin}/to-file`)?.reason).toMatch(/file:/);
    expect(result.briefing.sources).toHaveLength(1);
  });

  it('refuses loopback addresses unless allowed, naming the flag', async () => {
    server.reset();
    const out = tempDir('refused-');
    const cli = await runCliAsync(['build', `${server.origin}/story-2.html`, 'http://0x7f.0.0.1/', '--out', out, '--format', 'json']);
    expect(cli.status).toBe(4);
    expect(cli.stderr).toMatch(/--allow-private/);
    expect(server.connections()).toBe(0);
  });
});

describe('feeds and URLs from the command line and brief.yaml', () => {
  it('builds from "feeds:" in brief.yaml, with allowPrivate and since', async () => {
    const dir = tempDir('feeds-config-');
    writeFileSync(join(dir, 'brief.yaml'), `title: Tidewater pier\nslug: tidewater\nfeeds:\n  - ${server.origin}/feed.xml\nallowPrivate: true\nsince: 36500d\nformats: [json]\nout: ${join(dir, 'out')}\n`);
    const cli = await runCliAsync(['build', '--config', join(dir, 'brief.yaml'), '--date', '2031-06-03']);
    expect(cli.stderr).not.toMatch(/internal error/);
    expect(cli.status).toBe(0);
    const briefing = JSON.parse(readFileSync(join(cli.stdout.trim(), 'briefing.json'), 'utf8')) as { sources: Array<{ title?: string }> };
    expect(briefing.sources.map((s) => s.title)).toContain('Ferry back on the water after storm');
  });

  it('names the key of a brief.yaml "since" that is no span', async () => {
    const dir = tempDir('feeds-bad-');
    writeFileSync(join(dir, 'brief.yaml'), `feeds: [${server.origin}/feed.xml]\nsince: yesterday\n`);
    const cli = await runCliAsync(['build', '--config', join(dir, 'brief.yaml')]);
    expect(cli.status).toBe(3);
    expect(cli.stderr).toMatch(/"since" must be a span such as 90m, 24h or 3d, not "yesterday"/);
  });

  it('brief extract reads a URL and prints what a brief would read', async () => {
    const cli = await runCliAsync(['extract', `${server.origin}/moved`, '--allow-private', '--format', 'json']);
    expect(cli.status).toBe(0);
    const got = JSON.parse(cli.stdout) as { title: string; outlet: string; paragraphs: Array<{ text: string }>; dropped: Array<{ rule: string; text: string }> };
    expect(got).toMatchObject({ title: 'Pier repairs to take six weeks, port says', outlet: 'Estuary Post' });
    expect(got.paragraphs.map((p) => p.text)).toContain('The council is to vote on Thursday on paying for the new lights, which officials put at 240,000 pounds.');
    expect(got.dropped.some((d) => d.rule === 'outside-article' && /Pat wrote/.test(d.text))).toBe(true);
  });
});
