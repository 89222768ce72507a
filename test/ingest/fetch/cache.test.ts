import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey } from '../../../src/ingest/fetch/cache.js';
import { fetchUrl, type FetchOptions } from '../../../src/ingest/fetch/index.js';
import { failureOf, fetchOptions } from './helpers.js';
import { page, startServer, type TestServer } from '../../helpers/http-server.js';

const HOUR = 60 * 60 * 1000;
const LAST_MODIFIED = 'Tue, 30 Apr 2024 08:00:00 GMT';

let server: TestServer;
/** What /changing serves now, and its ETag. */
let version = 1;

beforeAll(async () => {
  server = await startServer({
    '/article': page('<p>Cached article</p>'),
    '/etag': (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304, { etag: '"v1"' }).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end('<p>Tagged</p>');
    },
    '/last-modified': (request, response) => {
      if (request.headers['if-modified-since'] === LAST_MODIFIED) return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'text/html', 'last-modified': LAST_MODIFIED }).end('<p>Dated</p>');
    },
    '/changing': (request, response) => {
      const etag = `"v${version}"`;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
      response.writeHead(200, { 'content-type': 'text/html', etag }).end(`<p>Version ${version}</p>`);
    },
    '/feed': page('<rss version="2.0"></rss>', 'application/rss+xml'),
  });
});
afterAll(() => server.close());

let cacheDir: string;
let clock: number;
beforeEach(async () => {
  server.reset();
  version = 1;
  clock = Date.parse('2024-05-01T12:00:00.000Z');
  cacheDir = await mkdtemp(join(tmpdir(), 'briefwright-fetch-cache-'));
});
afterEach(() => rm(cacheDir, { recursive: true, force: true }));

function cached(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return fetchOptions({ cacheDir, now: () => clock, ...overrides });
}

function entryFiles(url: string): { body: string; sidecar: string } {
  const stem = join(cacheDir, cacheKey(url));
  return { body: `${stem}.body`, sidecar: `${stem}.json` };
}

describe('the fetch cache', () => {
  it('stores one entry per URL: <sha256 of the URL>.body and .json, and no temporary files', async () => {
    const url = `${server.origin}/etag`;
    await fetchUrl(url, cached());
    const key = createHash('sha256').update(url).digest('hex');
    expect(cacheKey(url)).toBe(key);
    expect((await readdir(cacheDir)).sort()).toEqual([`${key}.body`, `${key}.json`]);
    expect(await readFile(entryFiles(url).body, 'utf8')).toBe('<p>Tagged</p>');
    expect(JSON.parse(await readFile(entryFiles(url).sidecar, 'utf8'))).toEqual({
      url,
      finalUrl: url,
      status: 200,
      contentType: 'text/html',
      charset: 'utf-8',
      etag: '"v1"',
      fetchedAt: '2024-05-01T12:00:00.000Z',
      sha256: createHash('sha256').update('<p>Tagged</p>').digest('hex'),
    });
  });

  it('answers a rerun within maxAge from the cache with no request at all', async () => {
    const url = `${server.origin}/article`;
    const first = await fetchUrl(url, cached());
    clock += HOUR;
    const connectionsBefore = server.connections();
    const second = await fetchUrl(url, cached());
    expect(server.hits.get('/article')).toBe(1);
    expect(server.connections()).toBe(connectionsBefore);
    expect(second).toEqual({ ...first, fromCache: true });
    expect(first.fromCache).toBe(false);
    expect(second.fetchedAt).toBe('2024-05-01T12:00:00.000Z');
  });

  it('revalidates a stale entry with If-None-Match and uses the cached bytes on 304', async () => {
    const url = `${server.origin}/etag`;
    await fetchUrl(url, cached());
    clock += 7 * HOUR;
    const revalidated = await fetchUrl(url, cached());
    expect(server.hits.get('/etag')).toBe(2);
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(revalidated).toMatchObject({ fromCache: true, status: 200, contentType: 'text/html', fetchedAt: '2024-05-01T19:00:00.000Z' });
    expect(Buffer.from(revalidated.bytes).toString()).toBe('<p>Tagged</p>');
    // The sidecar now dates from the revalidation, so the entry is fresh again.
    expect(JSON.parse(await readFile(entryFiles(url).sidecar, 'utf8')).fetchedAt).toBe('2024-05-01T19:00:00.000Z');
    clock += HOUR;
    await fetchUrl(url, cached());
    expect(server.hits.get('/etag')).toBe(2);
  });

  it('revalidates with If-Modified-Since when the entry has only Last-Modified', async () => {
    const url = `${server.origin}/last-modified`;
    await fetchUrl(url, cached());
    clock += 7 * HOUR;
    const revalidated = await fetchUrl(url, cached());
    expect(server.requests[1]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
    expect(revalidated.fromCache).toBe(true);
    expect(Buffer.from(revalidated.bytes).toString()).toBe('<p>Dated</p>');
  });

  it('replaces a stale entry when the resource changed', async () => {
    const url = `${server.origin}/changing`;
    await fetchUrl(url, cached());
    version = 2;
    clock += 7 * HOUR;
    const changed = await fetchUrl(url, cached());
    expect(changed.fromCache).toBe(false);
    expect(Buffer.from(changed.bytes).toString()).toBe('<p>Version 2</p>');
    clock += HOUR;
    const again = await fetchUrl(url, cached());
    expect(again.fromCache).toBe(true);
    expect(Buffer.from(again.bytes).toString()).toBe('<p>Version 2</p>');
    expect(server.hits.get('/changing')).toBe(2);
  });

  it('refetches a stale entry without validators unconditionally', async () => {
    const url = `${server.origin}/article`;
    await fetchUrl(url, cached());
    clock += 7 * HOUR;
    const refetched = await fetchUrl(url, cached());
    expect(refetched.fromCache).toBe(false);
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
    expect(server.requests[1]?.headers['if-modified-since']).toBeUndefined();
  });

  it('treats an entry dated in the future as stale', async () => {
    const url = `${server.origin}/article`;
    await fetchUrl(url, cached());
    clock -= HOUR;
    expect((await fetchUrl(url, cached())).fromCache).toBe(false);
  });

  describe('a corrupt or partial entry is ignored and refetched', () => {
    const url = () => `${server.origin}/article`;
    const corruptions: [string, () => Promise<void>][] = [
      ['an unparsable sidecar', () => writeFile(entryFiles(url()).sidecar, '{"url": "http://')],
      ['a missing sidecar', () => unlink(entryFiles(url()).sidecar)],
      ['a missing body', () => unlink(entryFiles(url()).body)],
      ['a body that does not match its hash', () => writeFile(entryFiles(url()).body, '<p>Tampered</p>')],
      ['a truncated body', async () => writeFile(entryFiles(url()).body, (await readFile(entryFiles(url()).body)).subarray(0, 5))],
      [
        'a sidecar of another URL',
        async () => {
          const sidecar = JSON.parse(await readFile(entryFiles(url()).sidecar, 'utf8'));
          await writeFile(entryFiles(url()).sidecar, JSON.stringify({ ...sidecar, url: `${server.origin}/other` }));
        },
      ],
      [
        'a sidecar with a field of the wrong type',
        async () => {
          const sidecar = JSON.parse(await readFile(entryFiles(url()).sidecar, 'utf8'));
          await writeFile(entryFiles(url()).sidecar, JSON.stringify({ ...sidecar, status: '200' }));
        },
      ],
    ];

    it.each(corruptions)('%s', async (_name, corrupt) => {
      await fetchUrl(url(), cached());
      await corrupt();
      const refetched = await fetchUrl(url(), cached());
      expect(refetched.fromCache).toBe(false);
      expect(Buffer.from(refetched.bytes).toString()).toBe('<p>Cached article</p>');
      expect(server.hits.get('/article')).toBe(2);
      // The refetch repaired the entry.
      expect((await fetchUrl(url(), cached())).fromCache).toBe(true);
    });
  });

  it('fetches as usual when the cache folder cannot be written', async () => {
    const blocker = join(cacheDir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const unwritable = join(blocker, 'cache'); // mkdir fails with ENOTDIR, even for root
    const options = cached({ cacheDir: unwritable });
    expect((await fetchUrl(`${server.origin}/article`, options)).fromCache).toBe(false);
    expect((await fetchUrl(`${server.origin}/article`, options)).fromCache).toBe(false);
    expect(server.hits.get('/article')).toBe(2);
  });

  it('holds a cached copy to the current options: content type, size and private addresses', async () => {
    const feed = `${server.origin}/feed`;
    await fetchUrl(feed, cached({ expect: 'any' }));
    const typeError = await failureOf(fetchUrl(feed, cached({ expect: 'page' })));
    expect(typeError.message).toBe(`${feed}: content type application/rss+xml is not a page`);
    const sizeError = await failureOf(fetchUrl(feed, cached({ maxBytes: 10 })));
    expect(sizeError.message).toBe(`${feed}: body larger than 10 B (raise --max-file-size)`);
    const privateError = await failureOf(fetchUrl(feed, cached({ allowPrivate: false })));
    expect(privateError.message).toContain('refused: loopback address 127.0.0.1');
    expect(server.hits.get('/feed')).toBe(1);
  });

  it('uses no cache without a cacheDir', async () => {
    await fetchUrl(`${server.origin}/article`, fetchOptions({ now: () => clock }));
    expect((await fetchUrl(`${server.origin}/article`, fetchOptions({ now: () => clock }))).fromCache).toBe(false);
    expect(server.hits.get('/article')).toBe(2);
  });
});
