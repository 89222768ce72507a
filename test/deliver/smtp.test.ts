/** The SMTP URL, the failure classes, and the retry schedule against a real server that keeps refusing. */
import { describe, expect, it } from 'vitest';
import { deliver, isTemporary, parseSmtpUrl } from '../../src/deliver/smtp.js';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';
import { startServer } from './helpers.js';

function refused(url: string): BriefwrightError {
  try {
    parseSmtpUrl(url);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefwrightError);
    return error as BriefwrightError;
  }
  throw new Error(`expected ${url} to be refused`);
}

describe('parseSmtpUrl', () => {
  it('maps smtps:// to implicit TLS and smtp:// to STARTTLS-when-offered, certificates checked', () => {
    const tls = parseSmtpUrl('smtps://mail.example.org');
    expect(tls.options).toMatchObject({ host: 'mail.example.org', secure: true, tls: { rejectUnauthorized: true } });
    expect(tls.options.port).toBeUndefined();
    expect(tls.options.auth).toBeUndefined();

    const plain = parseSmtpUrl('smtp://relay.internal:2525');
    expect(plain.options).toMatchObject({ host: 'relay.internal', port: 2525, secure: false, tls: { rejectUnauthorized: true } });
    expect(plain.options.ignoreTLS).toBeUndefined();
  });

  it('takes a percent-encoded user and password, and keeps the password out of the label', () => {
    const s = parseSmtpUrl('smtps://desk%40example.org:p%40ss%3Aword@mail.example.org:465');
    expect(s.options.auth).toEqual({ user: 'desk@example.org', pass: 'p@ss:word' });
    expect(s.options.port).toBe(465);
    expect(s.label).not.toContain('p%40ss');
    expect(s.label).toContain('***');
  });

  it('turns certificate checks off only when the URL says so, and knows requireTLS', () => {
    expect(parseSmtpUrl('smtps://mail.example.org?tls.rejectUnauthorized=false').options.tls).toEqual({ rejectUnauthorized: false });
    expect(parseSmtpUrl('smtp://mail.example.org?requireTLS=true').options.requireTLS).toBe(true);
    expect(parseSmtpUrl('smtp://[::1]:25').options.host).toBe('::1');
  });

  it('refuses what an SMTP URL cannot mean, with DELIVERY, without echoing the password', () => {
    const cases: Array<[string, RegExp]> = [
      ['http://mail.example.org', /smtp:\/\/ or smtps:\/\//],
      ['mail.example.org:25', /smtp:\/\/ or smtps:\/\//],
      ['not a url at all', /not a URL/],
      ['smtp://mail.example.org/inbox', /path/],
      ['smtp://mail.example.org?secure=true', /unknown setting "secure"/],
      ['smtp://mail.example.org?tls.rejectUnauthorized=no', /true or false/],
      ['smtps://mail.example.org?requireTLS=true', /requireTLS/],
      ['smtps://desk:hunter2@mail.example.org?x=1', /unknown setting/],
    ];
    for (const [url, message] of cases) {
      const error = refused(url);
      expect(error.code).toBe(ErrorCode.DELIVERY);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('hunter2');
    }
  });
});

describe('isTemporary', () => {
  it('retries 4xx replies and failed connections; not 5xx (503 included) or configuration errors', () => {
    const e = (fields: Record<string, unknown>) => Object.assign(new Error('x'), fields);
    expect(isTemporary(e({ responseCode: 421 }))).toBe(true);
    expect(isTemporary(e({ responseCode: 452 }))).toBe(true);
    expect(isTemporary(e({ responseCode: 503 }))).toBe(false);
    expect(isTemporary(e({ responseCode: 550 }))).toBe(false);
    expect(isTemporary(e({ responseCode: 535, code: 'EAUTH' }))).toBe(false);
    expect(isTemporary(e({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }))).toBe(true);
    expect(isTemporary(e({ code: 'ESOCKET', originalCode: 'ECONNRESET' }))).toBe(true);
    expect(isTemporary(e({ code: 'ETIMEDOUT' }))).toBe(true);
    expect(isTemporary(e({ code: 'ECONNECTION' }))).toBe(true);
    expect(isTemporary(e({ code: 'ETLS' }))).toBe(false);
    expect(isTemporary(e({ code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }))).toBe(false);
  });
});

describe('deliver', () => {
  it('waits base, 2×base, 4×base between attempts and stops after the last', async () => {
    const server = await startServer({ data: () => 421 });
    try {
      const waits: number[] = [];
      const result = await deliver({
        server: parseSmtpUrl(server.url),
        from: 'desk@example.org',
        recipients: ['ana@example.org'],
        message: Buffer.from('Subject: test\r\n\r\nbody\r\n'),
        retry: { attempts: 4, baseDelayMs: 250 },
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      expect(waits).toEqual([250, 500, 1000]);
      expect(server.counts.dataCommands).toBe(4);
      expect(result.accepted).toEqual([]);
      expect(result.rejected).toEqual([{ address: 'ana@example.org', reason: expect.stringMatching(/^gave up after 4 attempts: 421 /) }]);
    } finally {
      await server.close();
    }
  });

  it('does not wait or retry after a 5xx reply', async () => {
    const server = await startServer({ data: () => 554 });
    try {
      const waits: number[] = [];
      const result = await deliver({
        server: parseSmtpUrl(server.url),
        from: 'desk@example.org',
        recipients: ['ana@example.org', 'ben@example.org'],
        message: Buffer.from('Subject: test\r\n\r\nbody\r\n'),
        retry: { attempts: 4, baseDelayMs: 250 },
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      expect(waits).toEqual([]);
      expect(result.rejected.map((r) => r.address)).toEqual(['ana@example.org', 'ben@example.org']);
      expect(result.rejected[0]!.reason).toMatch(/^554 /);
    } finally {
      await server.close();
    }
  });

  it('refuses a retry policy without attempts', async () => {
    await expect(
      deliver({
        server: parseSmtpUrl('smtp://127.0.0.1:1'),
        from: 'a@example.org',
        recipients: ['b@example.org'],
        message: Buffer.from(''),
        retry: { attempts: 0, baseDelayMs: 1 },
      }),
    ).rejects.toMatchObject({ code: ErrorCode.USAGE });
  });
});
