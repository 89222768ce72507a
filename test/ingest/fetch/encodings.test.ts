import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchUrl } from '../../../src/ingest/fetch/index.js';
import { failureOf, fetchOptions, USER_AGENT } from './helpers.js';
import { startServer, type Handler, type TestServer } from '../../helpers/http-server.js';

const ARTICLE = '<html><body><h1>Harbour bridge</h1><p>“Reopened,” she said — café, 5 €.</p></body></html>'.repeat(40);

function encoded(encoding: string, body: Buffer): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding, 'content-length': body.length }).end(body);
  };
}

let server: TestServer;
beforeAll(async () => {
  const raw = Buffer.from(ARTICLE);
  server = await startServer({
    '/plain': (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(raw),
    '/gzip': encoded('gzip', gzipSync(raw)),
    '/x-gzip': encoded('x-gzip', gzipSync(raw)),
    '/br': encoded('br', brotliCompressSync(raw)),
    '/deflate': encoded('deflate', deflateSync(raw)),
    '/raw-deflate': encoded('deflate', deflateRawSync(raw)),
    '/upper-case': encoded('GZIP', gzipSync(raw)),
    '/identity': encoded('identity', raw),
    '/broken-gzip': encoded('gzip', Buffer.concat([gzipSync(raw).subarray(0, 40), Buffer.from('not gzip any more')])),
    '/compress': encoded('compress', raw),
  });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('content encodings', () => {
  it.each(['/plain', '/gzip', '/x-gzip', '/br', '/deflate', '/raw-deflate', '/upper-case', '/identity'])('decodes %s to the original bytes', async (path) => {
    const fetched = await fetchUrl(`${server.origin}${path}`, fetchOptions());
    expect(Buffer.from(fetched.bytes).toString('utf8')).toBe(ARTICLE);
  });

  it('counts the decoded size, not the compressed one, against the cap', async () => {
    const compressedSize = gzipSync(Buffer.from(ARTICLE)).length;
    const error = await failureOf(fetchUrl(`${server.origin}/gzip`, fetchOptions({ maxBytes: compressedSize * 2 })));
    expect(error.message).toContain('body larger than');
  });

  it('fails clearly on a corrupt gzip body', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/broken-gzip`, fetchOptions()));
    expect(error.message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/broken-gzip: could not read the body: /);
  });

  it('refuses an encoding it cannot decode', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/compress`, fetchOptions()));
    expect(error.message).toContain('could not read the body: unsupported content encoding compress');
  });
});

describe('request headers', () => {
  it('sends the User-Agent, Accept-Encoding and an Accept that fits what is expected', async () => {
    await fetchUrl(`${server.origin}/plain`, fetchOptions({ expect: 'page' }));
    await fetchUrl(`${server.origin}/plain`, fetchOptions({ expect: 'any' }));
    await expect(fetchUrl(`${server.origin}/plain`, fetchOptions({ expect: 'feed' }))).rejects.toThrow('is not a feed');
    const [page, any, feed] = server.requests.map((request) => request.headers);
    expect(page?.['user-agent']).toBe(USER_AGENT);
    expect(page?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(page?.['accept']).toMatch(/^text\/html, application\/xhtml\+xml/);
    expect(page?.['accept']).not.toContain('rss');
    expect(feed?.['accept']).toMatch(/^application\/rss\+xml, application\/atom\+xml/);
    expect(feed?.['accept']).not.toContain('text/html');
    expect(any?.['accept']).toContain('text/html');
    expect(any?.['accept']).toContain('application/rss+xml');
    // A first request carries no validators; only revalidating a cached copy does.
    expect(page?.['if-none-match']).toBeUndefined();
    expect(page?.['if-modified-since']).toBeUndefined();
  });
});
