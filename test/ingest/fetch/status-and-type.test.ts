import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseContentType } from '../../../src/ingest/fetch/http.js';
import { fetchUrl, type Expect } from '../../../src/ingest/fetch/index.js';
import { failureOf, fetchOptions } from './helpers.js';
import { page, startServer, type TestServer } from '../../helpers/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    '/ok': page('<p>ok</p>', 'Text/HTML; Charset="ISO-8859-1"'),
    '/created': (_request, response) => response.writeHead(201, { 'content-type': 'text/plain' }).end('made'),
    '/no-content': (_request, response) => response.writeHead(204).end(),
    '/server-error': (_request, response) => response.writeHead(500, { 'content-type': 'text/html' }).end('<p>oops</p>'),
    '/maintenance': (_request, response) => response.writeHead(503, 'Down For Maintenance').end(),
    '/not-modified': (_request, response) => response.writeHead(304).end(),
    '/multiple-choices': (_request, response) => response.writeHead(300, { location: '/ok' }).end(),
    '/png': page(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
    '/rss': page('<rss version="2.0"></rss>', 'application/rss+xml; charset=utf-8'),
    '/json-feed': page('{"version":"https://jsonfeed.org/version/1.1"}', 'application/feed+json'),
    '/markdown': page('# Title', 'text/markdown'),
    '/untyped': (_request, response) => response.writeHead(200).end('<p>no type given</p>'),
  });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('status codes', () => {
  it('accepts 200 and reports the media type and charset, lower-case', async () => {
    const fetched = await fetchUrl(`${server.origin}/ok`, fetchOptions());
    expect(fetched).toMatchObject({ status: 200, contentType: 'text/html', charset: 'iso-8859-1', fromCache: false });
  });

  it('accepts other 2xx statuses, an empty body included', async () => {
    expect((await fetchUrl(`${server.origin}/created`, fetchOptions())).status).toBe(201);
    const empty = await fetchUrl(`${server.origin}/no-content`, fetchOptions());
    expect(empty.status).toBe(204);
    expect(empty.bytes.length).toBe(0);
  });

  it.each([
    ['/missing', 'HTTP 404 Not Found'],
    ['/server-error', 'HTTP 500 Internal Server Error'],
    ['/maintenance', 'HTTP 503 Down For Maintenance'],
    ['/not-modified', 'HTTP 304 Not Modified'],
    ['/multiple-choices', 'HTTP 300 Multiple Choices'],
  ])('fails %s with "%s"', async (path, statusLine) => {
    const error = await failureOf(fetchUrl(`${server.origin}${path}`, fetchOptions()));
    expect(error.message).toBe(`${server.origin}${path}: ${statusLine}`);
  });
});

describe('content types', () => {
  it.each<[string, Expect, string]>([
    ['/png', 'any', 'content type image/png is not a page or feed'],
    ['/png', 'page', 'content type image/png is not a page'],
    ['/rss', 'page', 'content type application/rss+xml is not a page'],
    ['/ok', 'feed', 'content type text/html is not a feed'],
    ['/markdown', 'feed', 'content type text/markdown is not a feed'],
  ])('refuses %s when expecting %s', async (path, expected, reason) => {
    const error = await failureOf(fetchUrl(`${server.origin}${path}`, fetchOptions({ expect: expected })));
    expect(error.message).toBe(`${server.origin}${path}: ${reason}`);
  });

  it.each<[string, Expect]>([
    ['/ok', 'page'],
    ['/markdown', 'page'],
    ['/rss', 'feed'],
    ['/json-feed', 'feed'],
    ['/rss', 'any'],
    ['/ok', 'any'],
  ])('takes %s when expecting %s', async (path, expected) => {
    expect((await fetchUrl(`${server.origin}${path}`, fetchOptions({ expect: expected }))).status).toBe(200);
  });

  it('takes a response without Content-Type, leaving the format to sniffing', async () => {
    for (const expected of ['page', 'feed', 'any'] as const) {
      const fetched = await fetchUrl(`${server.origin}/untyped`, fetchOptions({ expect: expected }));
      expect(fetched.contentType).toBeUndefined();
      expect(fetched.charset).toBeUndefined();
    }
  });
});

describe('parseContentType', () => {
  it.each([
    ['text/html', { mediaType: 'text/html' }],
    ['TEXT/HTML ; charset=UTF-8', { mediaType: 'text/html', charset: 'utf-8' }],
    ['application/xml; charset="windows-1252"; q=1', { mediaType: 'application/xml', charset: 'windows-1252' }],
    ['text/plain;format=flowed', { mediaType: 'text/plain' }],
    ['', {}],
    [undefined, {}],
  ])('reads %j', (header, expected) => {
    expect(parseContentType(header)).toEqual(expected);
  });
});
