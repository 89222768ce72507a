/**
 * Regression: a message larger than the SIZE limit the server announces in EHLO was sent anyway (the whole
 * PDF transferred, then refused, or retried). Now it fails before MAIL FROM with exit 9 and a message giving
 * the message size, the attachment size and the server's limit; the server receives nothing and nothing is
 * recorded as sent. Against a real SMTP server on 127.0.0.1 started with a `size` limit.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendVersion } from '../../src/deliver/index.js';
import { BriefwrightError, ErrorCode, exitCodes } from '../../src/errors.js';
import { emailFixture, type BuiltVersion } from '../deliver/helpers.js';
import { runCliAsync } from '../helpers/cli.js';
import { formatByteSize } from '../../src/sizes.js';

const LIMIT = 20_000;
/** A size as the message gives it (the PDF here is tens of KB). */
const kib = (bytes: number) => formatByteSize(bytes);

const email = emailFixture();

const pdfBytes = (v: BuiltVersion) => statSync(join(v.dir, 'briefing.pdf')).size;
const noLog = (v: BuiltVersion) => !existsSync(join(v.outDir, 'harbour-bridge', 'send-log.jsonl'));

describe('a message over the server SIZE limit', () => {
  it('is refused before MAIL FROM with DELIVERY naming both sizes and the limit (library)', async () => {
    const v = email.version();
    expect(pdfBytes(v)).toBeGreaterThan(LIMIT);
    expect(pdfBytes(v)).toBeLessThan(1024 * 1024);
    const smtp = await email.server({ size: LIMIT });
    const error = await sendVersion({
      versionDir: v.dir,
      to: ['ana@example.org'],
      from: 'desk@example.org',
      smtpUrl: smtp.url,
      retry: { attempts: 4, baseDelayMs: 1 },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).code).toBe(ErrorCode.DELIVERY);
    const message = (error as BriefwrightError).message;
    expect(message).toContain(`the attachment harbour-bridge-2023-03-09-v1.pdf is ${kib(pdfBytes(v))}`);
    expect(message).toContain(`accepts at most ${kib(LIMIT)} (SIZE ${LIMIT})`);
    expect(message).toMatch(/the message is [\d.]+ KB \(\d+ bytes;/);
    // Not retried either: one connection, no MAIL FROM, no DATA.
    expect(smtp.counts).toEqual({ connections: 1, mailCommands: 0, dataCommands: 0 });
    expect(smtp.messages).toEqual([]);
    expect(noLog(v)).toBe(true);
  });

  it('makes brief email exit 9 with the sizes, and the server receives nothing', async () => {
    const v = email.version();
    const smtp = await email.server({ size: LIMIT });
    const r = await runCliAsync(['email', v.dir, '--to', 'ana@example.org', '--from', 'desk@example.org', '--smtp', smtp.url]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(exitCodes.DELIVERY);
    expect(r.stderr).toMatch(/v1 was not sent: the message is [\d.]+ KB/);
    expect(r.stderr).toContain(`is ${kib(pdfBytes(v))}`);
    expect(r.stderr).toContain(`SIZE ${LIMIT}`);
    expect(r.stdout).toBe('');
    expect(smtp.counts.mailCommands).toBe(0);
    expect(smtp.messages).toEqual([]);
    expect(noLog(v)).toBe(true);
  });
});
