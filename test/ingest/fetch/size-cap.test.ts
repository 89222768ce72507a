import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readBody } from '../../../src/ingest/fetch/http.js';
import { fetchUrl } from '../../../src/ingest/fetch/index.js';
import { brotliBomb, gzipBomb } from './bombs.js';
import { failureOf, fetchOptions } from './helpers.js';
import { startServer, type TestServer } from '../../helpers/http-server.js';

const MB = 1024 * 1024;
const TOO_LARGE = 'body larger than 1 MB (raise --max-file-size)';

let server: TestServer;
let gzip200: Buffer;
let brotli200: Buffer;
/** Bytes the /endless handler managed to write before the client hung up. */
let endlessWritten = 0;

beforeAll(async () => {
  [gzip200, brotli200] = await Promise.all([gzipBomb(200), brotliBomb(200)]);
  server = await startServer({
    '/exactly-1mb': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.alloc(MB, 'a')),
    '/1mb-and-1': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.alloc(MB + 1, 'a')),
    '/huge-content-length': (_request, response) => {
      // Declares 10 GB and sends a few bytes, then waits: only the header can end this quickly.
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 * MB) });
      response.write('<p>');
    },
    '/endless': (_request, response) => {
      // No Content-Length (chunked), 64 KB at a time for as long as the client reads.
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'z');
      const more = (): void => {
        while (!response.destroyed && endlessWritten < 64 * MB) {
          endlessWritten += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      more();
    },
    '/gzip-bomb': (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': gzip200.length }).end(gzip200),
    '/brotli-bomb': (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br', 'content-length': brotli200.length }).end(brotli200),
  });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('the size cap on the decoded body', () => {
  it('takes a body of exactly the cap', async () => {
    const fetched = await fetchUrl(`${server.origin}/exactly-1mb`, fetchOptions({ maxBytes: MB }));
    expect(fetched.bytes.length).toBe(MB);
  });

  it('refuses one byte more', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/1mb-and-1`, fetchOptions({ maxBytes: MB })));
    expect(error.message).toBe(`${server.origin}/1mb-and-1: ${TOO_LARGE}`);
  });

  it('refuses a Content-Length over the cap from the header alone, long before the deadline', async () => {
    const started = performance.now();
    const error = await failureOf(fetchUrl(`${server.origin}/huge-content-length`, fetchOptions({ maxBytes: MB, timeoutMs: 30_000 })));
    expect(error.message).toBe(`${server.origin}/huge-content-length: ${TOO_LARGE}`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stops reading a body without Content-Length once it passes the cap', async () => {
    endlessWritten = 0;
    const error = await failureOf(fetchUrl(`${server.origin}/endless`, fetchOptions({ maxBytes: MB })));
    expect(error.message).toBe(`${server.origin}/endless: ${TOO_LARGE}`);
    // The server could have gone on to 64 MB; the client hung up after about 1 MB plus socket buffers.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(endlessWritten).toBeLessThan(32 * MB);
  });

  it.each(['/gzip-bomb', '/brotli-bomb'])('refuses %s (200 MB of zeros) fast, counting inflated bytes', async (path) => {
    const started = performance.now();
    const error = await failureOf(fetchUrl(`${server.origin}${path}`, fetchOptions({ maxBytes: MB })));
    expect(error.message).toBe(`${server.origin}${path}: ${TOO_LARGE}`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('readBody', () => {
  /** The bomb in 1 KB pieces, counting how many pieces were pulled. */
  function metered(bomb: Buffer): { stream: Readable; pulled: () => number } {
    let pulled = 0;
    const stream = Readable.from(
      (function* pieces() {
        for (let at = 0; at < bomb.length; at += 1024) {
          pulled += 1;
          yield bomb.subarray(at, at + 1024);
        }
      })(),
      { objectMode: false, highWaterMark: 1024 },
    );
    return { stream, pulled: () => pulled };
  }

  it('stops inflating a gzip bomb at the cap, having read only the start of it', async () => {
    const { stream, pulled } = metered(gzip200);
    const before = process.memoryUsage().arrayBuffers;
    expect(await readBody(stream, 'gzip', MB)).toBe('too-large');
    // About 1 KB of this gzip inflates to 1 MB: the rest of its ~200 pieces were never pulled.
    expect(pulled()).toBeLessThan(gzip200.length / 1024 / 4);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * MB);
    expect(stream.destroyed).toBe(true);
  });

  it('decodes stacked encodings in reverse order of application', async () => {
    const { gzipSync, brotliCompressSync } = await import('node:zlib');
    const body = Buffer.from('twice wrapped');
    const wrapped = brotliCompressSync(gzipSync(body));
    const bytes = await readBody(Readable.from([wrapped]), 'gzip, br', MB);
    expect(Buffer.from(bytes as Uint8Array).toString()).toBe('twice wrapped');
  });
});
