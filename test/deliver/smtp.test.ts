/** The SMTP URL, the failure classes, and the retry schedule against a real server that keeps refusing. */
import { describe, expect, it } from 'vitest';
import { sizeLimitOf } from '../../src/deliver/session.js';
import { formatByteSize as byteSize } from '../../src/sizes.js';
import { deliver, isAmbiguous, isSizeRefusal, isTemporary, parseSmtpUrl } from '../../src/deliver/smtp.js';
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

describe('at most once', () => {
  const e = (fields: Record<string, unknown>) => Object.assign(new Error('x'), fields);

  it('counts a failure as maybe delivered only after the whole message was handed over, with no reply', () => {
    expect(isAmbiguous(e({ code: 'ECONNECTION', command: 'CONN' }), true)).toBe(true);
    expect(isAmbiguous(e({ code: 'ETIMEDOUT', command: 'CONN' }), true)).toBe(true);
    expect(isAmbiguous(e({ code: 'ECONNECTION', command: 'CONN' }), false)).toBe(false);
    // A reply to the final "." (even 421) says the server did not take it.
    expect(isAmbiguous(e({ code: 'EMESSAGE', responseCode: 421, command: 'DATA' }), true)).toBe(false);
    expect(isAmbiguous(e({ code: 'EMESSAGE', responseCode: 554, command: 'DATA' }), true)).toBe(false);
  });

  it('knows a size refusal before DATA: nodemailer’s own check, or 552 to MAIL FROM', () => {
    expect(isSizeRefusal(e({ code: 'EMESSAGE', command: 'MAIL FROM' }))).toBe(true);
    expect(isSizeRefusal(e({ code: 'EENVELOPE', responseCode: 552, command: 'MAIL FROM' }))).toBe(true);
    expect(isSizeRefusal(e({ code: 'EMESSAGE', responseCode: 552, command: 'DATA' }))).toBe(false);
    expect(isSizeRefusal(e({ code: 'EENVELOPE', responseCode: 452, command: 'MAIL FROM' }))).toBe(false);
  });

  it('reads the SIZE limit from an EHLO reply, and none from a reply without one or with 0', () => {
    expect(sizeLimitOf('250-mx.example.org Hello\n250-PIPELINING\n250-SIZE 10485760\n250 8BITMIME')).toBe(10485760);
    expect(sizeLimitOf('250-mx.example.org\n250 SIZE 512000')).toBe(512000);
    expect(sizeLimitOf('250-mx.example.org\n250-SIZE\n250 8BITMIME')).toBeNull();
    expect(sizeLimitOf('250-mx.example.org\n250-SIZE 0\n250 8BITMIME')).toBeNull();
    expect(sizeLimitOf('250-mx.example.org\n250 X-SIZES 5')).toBeNull();
    expect(sizeLimitOf(false)).toBeNull();
  });

  it('writes sizes in binary units', () => {
    expect([byteSize(812), byteSize(14_540), byteSize(10_485_760), byteSize(3_565_158)]).toEqual(['812 B', '14.2 KB', '10 MB', '3.4 MB']);
  });

  it('counts a server that takes the message and never answers as unknown after the socket time-out, without retrying', async () => {
    const server = await startServer({ data: () => 'hang' });
    try {
      const smtp = parseSmtpUrl(server.url);
      // Waiting on the server's silence, not on a clock: the client's own socket time-out ends the wait.
      smtp.options.socketTimeout = 300;
      const unknown: string[] = [];
      const result = await deliver({
        server: smtp,
        from: 'desk@example.org',
        recipients: ['ana@example.org'],
        message: Buffer.from('Subject: test\r\n\r\nbody\r\n'),
        retry: { attempts: 4, baseDelayMs: 1 },
        onUnknown: async (addresses) => void unknown.push(...addresses),
      });
      expect(result.accepted).toEqual([]);
      expect(result.unknown).toEqual([{ address: 'ana@example.org', reason: expect.stringMatching(/before the server answered \(Timeout\)/) }]);
      expect(unknown).toEqual(['ana@example.org']);
      expect(server.counts.connections).toBe(1);
      expect(server.messages).toHaveLength(1);
    } finally {
      await server.close();
    }
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
