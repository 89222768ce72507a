/** Options and assertions shared by the fetch tests. */
import { expect } from 'vitest';
import { BriefwrightError, ErrorCode } from '../../../src/errors.js';
import { resolveHost, type Resolution } from '../../../src/ingest/fetch/address.js';
import type { HttpOptions } from '../../../src/ingest/fetch/http.js';
import { defaultFetchOptions, type FetchOptions } from '../../../src/ingest/fetch/index.js';

export const USER_AGENT = 'briefwright-test/1.0 (+news briefing tool)';

/** fetchUrl options for a loopback test server: private addresses allowed, everything else default. */
export function fetchOptions(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return { ...defaultFetchOptions, userAgent: USER_AGENT, allowPrivate: true, ...overrides };
}

/** httpGet options taking any content type, resolving hosts as fetchUrl does unless told otherwise. */
export function httpOptions(overrides: Partial<HttpOptions> = {}): HttpOptions {
  return {
    userAgent: USER_AGENT,
    timeoutMs: 5_000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    accept: '*/*',
    refuseContentType: () => undefined,
    resolveHost: (url) => resolveHost(url, true),
    ...overrides,
  };
}

/** A resolveHost hook that treats `host` as a public name at 127.0.0.1 and checks every other host for real. */
export function pretendPublic(host: string): (url: URL) => Promise<Resolution> {
  return (url) => (url.host === host ? Promise.resolve({ ok: true, addresses: [{ address: '127.0.0.1', family: 4 }] }) : resolveHost(url, false));
}

/** The BriefwrightError (code INPUT) `promise` rejects with; fails the test if it resolves or throws anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<BriefwrightError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'expected a rejection').toBeInstanceOf(BriefwrightError);
  expect((error as BriefwrightError).code).toBe(ErrorCode.INPUT);
  return error as BriefwrightError;
}
