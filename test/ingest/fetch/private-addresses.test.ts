import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describePrivateAddress, lookupFrom, resolveHost } from '../../../src/ingest/fetch/address.js';
import { httpGet } from '../../../src/ingest/fetch/http.js';
import { fetchUrl, isPrivateAddress } from '../../../src/ingest/fetch/index.js';
import { failureOf, fetchOptions, httpOptions } from './helpers.js';
import { page, startServer, type TestServer } from '../../helpers/http-server.js';

/** Loopback, private and special addresses in the spellings a URL host accepts. */
const privateSpellings = [
  'localhost',
  'LOCALHOST',
  'localhost.',
  'news.localhost',
  '127.0.0.1',
  '127.0.0.1.',
  '127.1',
  '127.255.255.254',
  '2130706433',
  '0x7f000001',
  '0x7f.0.0.1',
  '0x7f.1',
  '0177.0.0.1',
  '0',
  '0.0.0.0',
  '::1',
  '[::1]',
  '[0:0:0:0:0:0:0:1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '::127.0.0.1',
  '[::7f00:1]',
  '::',
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '0300.0250.0.1',
  '[::ffff:192.168.0.1]',
  '169.254.169.254',
  '100.64.0.1',
  '100.127.255.255',
  'fc00::1',
  'fd12:3456::1',
  'fe80::1',
  'fe80::1%eth0',
  '224.0.0.1',
  '239.255.255.250',
  'ff02::1',
  '255.255.255.255',
  '4294967295',
  '240.0.0.1',
  '192.0.2.1',
  '198.51.100.7',
  '203.0.113.9',
  '198.18.0.1',
  '[64:ff9b::127.0.0.1]',
  '2001:db8::1',
];

const publicSpellings = [
  '8.8.8.8',
  '93.184.216.34',
  '172.15.255.255',
  '172.32.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '169.255.0.1',
  '2606:4700:4700::1111',
  '[2001:4860:4860::8888]',
  '::ffff:8.8.8.8',
  'example.com',
  'localhost.example.com',
  'mylocalhost',
];

describe('isPrivateAddress', () => {
  it.each(privateSpellings)('recognises %s as private', (spelling) => {
    expect(isPrivateAddress(spelling)).toBe(true);
  });

  it.each(publicSpellings)('takes %s as public', (spelling) => {
    expect(isPrivateAddress(spelling)).toBe(false);
  });

  it('names the class and the address as read, through any IPv4 embedding', () => {
    expect(describePrivateAddress('0x7f.1')).toBe('loopback address 127.0.0.1');
    expect(describePrivateAddress('[::ffff:7f00:1]')).toBe('loopback address ::ffff:7f00:1 (127.0.0.1)');
    expect(describePrivateAddress('169.254.169.254')).toBe('link-local address 169.254.169.254');
    expect(describePrivateAddress('news.localhost')).toBe('loopback host name news.localhost');
    // A public address in the deprecated IPv4-compatible form is still refused: it is not routed as IPv4.
    expect(describePrivateAddress('::8.8.8.8')).toBe('IPv4-compatible address ::808:808 (8.8.8.8)');
  });
});

describe('fetchUrl with private addresses refused (the default)', () => {
  const urls = [
    'http://localhost/',
    'http://news.localhost:8080/a',
    'http://127.0.0.1:8080/a',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0x7f.0.0.1/',
    'http://0177.0.0.1/',
    'http://0/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::127.0.0.1]/',
    'http://10.1.2.3/',
    'http://172.16.5.4/',
    'http://192.168.0.10/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.1.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://224.0.0.251/',
    'http://[ff02::fb]/',
    'http://255.255.255.255/',
    'http://240.1.2.3/',
    'https://127.0.0.1/',
  ];

  it.each(urls)('refuses %s by name, with what to do', async (url) => {
    const error = await failureOf(fetchUrl(url, fetchOptions({ allowPrivate: false })));
    expect(error.message).toMatch(/: refused: .*address|: refused: loopback host name/);
    expect(error.message.startsWith(`${url}: refused: `)).toBe(true);
    expect(error.message).toContain('(pass --allow-private to fetch from private or loopback addresses)');
  });

  it('reads the message as the brief promises', async () => {
    const error = await failureOf(fetchUrl('http://127.0.0.1:8080/a', fetchOptions({ allowPrivate: false })));
    expect(error.message).toBe(
      'http://127.0.0.1:8080/a: refused: loopback address 127.0.0.1 (pass --allow-private to fetch from private or loopback addresses)',
    );
  });
});

describe('fetchUrl against a loopback server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ '/a': page('<p>Hello</p>') });
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it('refuses 127.0.0.1 by default without any connection reaching the server', async () => {
    const error = await failureOf(fetchUrl(`${server.origin}/a`, fetchOptions({ allowPrivate: false })));
    expect(error.message).toContain('refused: loopback address 127.0.0.1');
    expect(server.connections()).toBe(0);
  });

  it('fetches it when private addresses are allowed', async () => {
    const fetched = await fetchUrl(`${server.origin}/a`, fetchOptions({ allowPrivate: true }));
    expect(Buffer.from(fetched.bytes).toString()).toBe('<p>Hello</p>');
    expect(server.connections()).toBe(1);
  });
});

describe('resolveHost', () => {
  const answers =
    (addresses: string[]) =>
    (): Promise<LookupAddress[]> =>
      Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));

  it('refuses a name when any of its addresses is private', async () => {
    const resolution = await resolveHost(new URL('http://intranet.test/'), false, answers(['93.184.216.34', '10.0.0.5']));
    expect(resolution).toEqual({
      ok: false,
      reason: 'refused: intranet.test resolves to private address 10.0.0.5 (pass --allow-private to fetch from private or loopback addresses)',
    });
  });

  it('refuses a name resolving to an IPv4-mapped loopback address', async () => {
    const resolution = await resolveHost(new URL('http://sneaky.test/'), false, answers(['::ffff:127.0.0.1']));
    expect(resolution.ok).toBe(false);
  });

  it('returns every address of a public name, and private ones when allowed', async () => {
    expect(await resolveHost(new URL('http://news.test/'), false, answers(['93.184.216.34', '2606:2800:220:1::1']))).toEqual({
      ok: true,
      addresses: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::1', family: 6 },
      ],
    });
    expect((await resolveHost(new URL('http://intranet.test/'), true, answers(['10.0.0.5']))).ok).toBe(true);
  });

  it('takes an IP literal as it is, without a lookup', async () => {
    const never = (): Promise<LookupAddress[]> => Promise.reject(new Error('looked up'));
    expect(await resolveHost(new URL('http://[::1]:81/'), true, never)).toEqual({ ok: true, addresses: [{ address: '::1', family: 6 }] });
  });

  it('reports a name that does not resolve', async () => {
    const missing = (): Promise<LookupAddress[]> => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));
    expect(await resolveHost(new URL('http://missing.test/'), false, missing)).toEqual({ ok: false, reason: 'host missing.test not found (ENOTFOUND)' });
  });
});

describe('connecting to the checked address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ '/a': page('checked') });
  });
  afterAll(() => server.close());

  it('answers the socket only with checked addresses, in the form it asks for', () => {
    const lookup = lookupFrom([{ address: '127.0.0.1', family: 4 }]);
    const calls: unknown[][] = [];
    lookup('any.test', { all: true }, (...args) => calls.push(args));
    lookup('any.test', {}, (...args) => calls.push(args));
    lookup('any.test', { family: 6 }, (...args) => calls.push(args));
    expect(calls[0]).toEqual([null, [{ address: '127.0.0.1', family: 4 }]]);
    expect(calls[1]).toEqual([null, '127.0.0.1', 4]);
    expect((calls[2]?.[0] as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
  });

  it('connects where the check looked, never asking DNS again (no rebinding)', async () => {
    let lookups = 0;
    // A rebinding resolver: the checked answer first, an unreachable one afterwards.
    const rebinding = (): Promise<LookupAddress[]> => Promise.resolve([{ address: lookups++ === 0 ? '127.0.0.1' : '10.255.255.1', family: 4 }]);
    const result = await httpGet(`http://rebind.invalid:${server.port}/a`, httpOptions({ resolveHost: (url) => resolveHost(url, true, rebinding) }));
    expect(result.kind === 'body' && Buffer.from(result.bytes).toString()).toBe('checked');
    expect(lookups).toBe(1);
  });
});
