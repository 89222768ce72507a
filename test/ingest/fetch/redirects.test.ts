import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveHost } from '../../../src/ingest/fetch/address.js';
import { httpGet } from '../../../src/ingest/fetch/http.js';
import { fetchUrl } from '../../../src/ingest/fetch/index.js';
import { failureOf, fetchOptions, httpOptions, pretendPublic } from './helpers.js';
import { page, redirect, startServer, type Handler, type TestServer } from '../../helpers/http-server.js';

let server: TestServer;

/** /chain/N redirects to /chain/N-1 … /chain/0, which is the page. */
const chain: Handler = (request, response) => {
  const n = Number(request.url?.split('/')[2]);
  if (n === 0) page('end of chain')(request, response);
  else redirect(`/chain/${n - 1}`)(request, response);
};

beforeAll(async () => {
  server = await startServer({
    '/article': page('<h1>Article</h1>'),
    '/secret': page('secret'),
    '/chain/0': chain,
    '/chain/1': chain,
    '/chain/2': chain,
    '/chain/3': chain,
    '/chain/4': chain,
    '/chain/5': chain,
    '/chain/6': chain,
    '/news/2024/relative': redirect('../story?id=7'),
    '/news/story': page('relative target'),
    '/absolute-path': redirect('/article'),
    '/moved-301': redirect('/article', 301),
    '/see-other-303': redirect('/article', 303),
    '/temporary-307': redirect('/article', 307),
    '/permanent-308': redirect('/article', 308),
    '/to-file': redirect('file:///etc/passwd'),
    '/to-javascript': redirect('javascript:alert(1)'),
    '/to-ftp': redirect('ftp://files.example.com/a.txt'),
    '/no-location': (_request, response) => response.writeHead(302).end(),
    '/to-localhost': (request, response) => redirect(`http://localhost:${server.port}/secret`)(request, response),
    '/to-ipv6-loopback': (request, response) => redirect(`http://[::1]:${server.port}/secret`)(request, response),
    '/to-decimal-loopback': (request, response) => redirect(`http://2130706433:${server.port}/secret`)(request, response),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/to-rebound-name': (request, response) => redirect(`http://internal.test:${server.port}/secret`)(request, response),
    '/to-credentials': (request, response) => redirect(`http://admin:hunter2@127.0.0.1:${server.port}/secret`)(request, response),
  });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('following redirects', () => {
  it('follows a chain within the limit and reports the final URL', async () => {
    const fetched = await fetchUrl(`${server.origin}/chain/5`, fetchOptions({ maxRedirects: 5 }));
    expect(fetched.url).toBe(`${server.origin}/chain/5`);
    expect(fetched.finalUrl).toBe(`${server.origin}/chain/0`);
    expect(Buffer.from(fetched.bytes).toString()).toBe('end of chain');
    expect(server.hits.get('/chain/0')).toBe(1);
  });

  it('fails past the limit, before requesting the next hop', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/chain/6`, fetchOptions({ maxRedirects: 5 })));
    expect(error.message).toBe(`${server.origin}/chain/6: more than 5 redirects`);
    expect(server.hits.get('/chain/0')).toBeUndefined();
  });

  it('with maxRedirects 0, takes no redirect at all', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/chain/1`, fetchOptions({ maxRedirects: 0 })));
    expect(error.message).toContain('more than 0 redirects');
  });

  it('resolves a relative Location against the URL that sent it', async () => {
    const fetched = await fetchUrl(`${server.origin}/news/2024/relative`, fetchOptions());
    expect(fetched.finalUrl).toBe(`${server.origin}/news/story?id=7`);
    expect(Buffer.from(fetched.bytes).toString()).toBe('relative target');
  });

  it.each(['/absolute-path', '/moved-301', '/see-other-303', '/temporary-307', '/permanent-308'])('follows %s', async (path) => {
    const fetched = await fetchUrl(`${server.origin}${path}`, fetchOptions());
    expect(fetched.finalUrl).toBe(`${server.origin}/article`);
    expect(fetched.status).toBe(200);
  });

  it('fails on a redirect without a Location', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/no-location`, fetchOptions()));
    expect(error.message).toBe(`${server.origin}/no-location: HTTP 302 Found without a Location header`);
  });
});

describe('checking every hop like the first URL', () => {
  it.each([
    ['/to-file', 'file:///etc/passwd', 'file:'],
    ['/to-javascript', 'javascript:alert(1)', 'javascript:'],
    ['/to-ftp', 'ftp://files.example.com/a.txt', 'ftp:'],
  ])('refuses a redirect from %s to %s', async (path, target, scheme) => {
    const error = await failureOf(fetchUrl(`${server.origin}${path}`, fetchOptions()));
    expect(error.message).toBe(`${server.origin}${path}: redirected to ${target}: refused: ${scheme} URLs are not fetched (only http: and https:)`);
  });

  it('refuses a redirect to a URL with credentials, without showing them', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/to-credentials`, fetchOptions()));
    expect(error.message).toContain('refused: the URL carries a user name or password');
    expect(error.message).not.toContain('hunter2');
    expect(server.hits.get('/secret')).toBeUndefined();
  });

  // The server is on loopback, so here it stands in for a public one through the resolveHost hook;
  // the redirect target is checked by the real check, with private addresses refused.
  describe('from an allowed server to a private address', () => {
    const publicOrigin = () => `http://public.test:${server.port}`;

    it('reaches the allowed server through the hook', async () => {
      const result = await httpGet(`${publicOrigin()}/article`, httpOptions({ resolveHost: pretendPublic(`public.test:${server.port}`) }));
      expect(result.kind).toBe('body');
    });

    it.each([
      ['/to-localhost', 'loopback host name localhost'],
      ['/to-ipv6-loopback', 'loopback address ::1'],
      ['/to-decimal-loopback', 'loopback address 127.0.0.1'],
      ['/to-metadata', 'link-local address 169.254.169.254'],
    ])('refuses %s without requesting it', async (path, why) => {
      const error = await failureOf(httpGet(`${publicOrigin()}${path}`, httpOptions({ resolveHost: pretendPublic(`public.test:${server.port}`) })));
      expect(error.message).toMatch(new RegExp(`^http://public\\.test:\\d+${path}: redirected to \\S+: refused: ${why.replace(/\./g, '\\.')} \\(pass --allow-private`));
      expect(server.hits.get(path)).toBe(1);
      expect(server.hits.get('/secret')).toBeUndefined();
    });

    it('refuses a redirect to a name that resolves to a private address', async () => {
      const toLoopback = (): Promise<LookupAddress[]> => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
      const resolve = (url: URL) =>
        url.hostname === 'public.test' ? pretendPublic(url.host)(url) : resolveHost(url, false, toLoopback);
      const error = await failureOf(httpGet(`${publicOrigin()}/to-rebound-name`, httpOptions({ resolveHost: resolve })));
      expect(error.message).toContain('refused: internal.test resolves to loopback address 127.0.0.1');
      expect(server.hits.get('/secret')).toBeUndefined();
    });
  });
});
