import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveHost } from '../../../src/ingest/fetch/address.js';
import { httpGet } from '../../../src/ingest/fetch/http.js';
import { fetchUrl } from '../../../src/ingest/fetch/index.js';
import { failureOf, fetchOptions, httpOptions } from './helpers.js';
import { redirect, startServer, type TestServer } from '../../helpers/http-server.js';

let server: TestServer;
let trickled = 0;

beforeAll(async () => {
  server = await startServer({
    '/trickle': (_request, response) => {
      // Headers at once, then a byte every 50 ms: each byte alone would beat any per-read timeout.
      response.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => {
        trickled += 1;
        response.write('.');
      }, 50);
      response.on('close', () => clearInterval(timer));
    },
    '/silent': () => {
      // Accepts the request and never answers.
    },
    '/slow-redirect': (_request, response) => {
      setTimeout(() => redirect('/slow-redirect-2')(_request, response), 250);
    },
    '/slow-redirect-2': (_request, response) => {
      setTimeout(() => redirect('/silent')(_request, response), 250);
    },
  });
});
afterAll(() => server.close());

describe('one deadline for the whole request', () => {
  it('fails a body that trickles in, at the deadline', async () => {
    trickled = 0;
    const started = performance.now();
    const error = await failureOf(fetchUrl(`${server.origin}/trickle`, fetchOptions({ timeoutMs: 600 })));
    const elapsed = performance.now() - started;
    expect(error.message).toBe(`${server.origin}/trickle: no response within 600 ms`);
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(3_000);
    expect(trickled).toBeGreaterThan(3); // the server was still sending when it gave up
  });

  it('fails a server that never answers', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/silent`, fetchOptions({ timeoutMs: 300 })));
    expect(error.message).toBe(`${server.origin}/silent: no response within 300 ms`);
  });

  it('counts time spent on redirects against the same deadline', async () => {
    // Each hop answers well within 700 ms; together they do not.
    const started = performance.now();
    const error = await failureOf(fetchUrl(`${server.origin}/slow-redirect`, fetchOptions({ timeoutMs: 700 })));
    expect(error.message).toBe(`${server.origin}/slow-redirect: no response within 700 ms`);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('covers a DNS lookup that hangs', async () => {
    const hanging = (): Promise<LookupAddress[]> => new Promise(() => undefined);
    const error = await failureOf(
      httpGet('http://slow-dns.test/', httpOptions({ timeoutMs: 200, resolveHost: (url) => resolveHost(url, false, hanging) })),
    );
    expect(error.message).toBe('http://slow-dns.test/: no response within 200 ms');
  });

  it('writes whole seconds as seconds', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/silent`, fetchOptions({ timeoutMs: 1_000 })));
    expect(error.message).toBe(`${server.origin}/silent: no response within 1 s`);
  });
});
