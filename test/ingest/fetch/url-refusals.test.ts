import { describe, expect, it } from 'vitest';
import { fetchUrl, isUrlInput } from '../../../src/ingest/fetch/index.js';
import { failureOf, fetchOptions } from './helpers.js';

describe('isUrlInput', () => {
  it.each(['http://example.com/a', 'HTTPS://EXAMPLE.COM/', 'Http://x', 'file:///etc/passwd', 'ftp://host/a', 'javascript:alert(1)', 'data:text/html,hi', 'mailto:a@b.c'])(
    'takes %s as a URL',
    (input) => expect(isUrlInput(input)).toBe(true),
  );

  it.each(['C:\\news\\a.txt', 'c:/news/a.txt', 'D:', 'seeds/a.txt', './http:x', '/srv/news/a.html', 'article.html', 'http', ''])(
    'takes %s as a path',
    (input) => expect(isUrlInput(input)).toBe(false),
  );
});

describe('fetchUrl refusing URLs by their text', () => {
  it.each([
    ['file:///etc/passwd', 'file:'],
    ['FILE:///etc/passwd', 'file:'],
    ['ftp://files.example.com/a.txt', 'ftp:'],
    ['data:text/html,<p>hi</p>', 'data:'],
    ['javascript:alert(1)', 'javascript:'],
    ['gopher://example.com/', 'gopher:'],
  ])('refuses %s', async (url, scheme) => {
    const error = await failureOf(fetchUrl(url, fetchOptions()));
    expect(error.message).toBe(`${url}: refused: ${scheme} URLs are not fetched (only http: and https:)`);
  });

  it('refuses a URL with credentials and does not repeat the password', async () => {
    const error = await failureOf(fetchUrl('https://reader:s3cret@news.example.com/a', fetchOptions()));
    expect(error.message).toBe('https://***@news.example.com/a: refused: the URL carries a user name or password (remove them from it)');
  });

  it('refuses a user name alone too', async () => {
    const error = await failureOf(fetchUrl('http://reader@news.example.com/a', fetchOptions()));
    expect(error.message).toContain('refused: the URL carries a user name or password');
  });

  it('says when the text is not a URL', async () => {
    const error = await failureOf(fetchUrl('http://exa mple.com/', fetchOptions()));
    expect(error.message).toBe('http://exa mple.com/: not a valid URL');
  });
});
