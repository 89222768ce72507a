/**
 * Regression: a "mail server" that answers with binary junk (a wrong port, a broken proxy) had its bytes
 * copied into the error, so NULs and escape sequences reached the terminal. Now the reply is quoted with
 * control characters replaced, the send fails with exit 9, and nothing is recorded as sent. Also covered: a
 * server that closes every connection at once is retried, then reported as reaching nobody.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exitCodes } from '../../src/errors.js';
import { emailFixture } from '../deliver/helpers.js';
import { runCliAsync } from '../helpers/cli.js';

const email = emailFixture();
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** A TCP server on 127.0.0.1 doing `onConnect` to each connection; resolves to its smtp:// URL. */
async function rawServer(onConnect: (socket: Socket) => void): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.on('error', () => {});
    onConnect(socket);
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

const send = (dir: string, url: string) =>
  runCliAsync(['email', dir, '--to', 'ana@example.org', '--from', 'desk@example.org', '--smtp', url]);

describe('a mail server that does not speak SMTP', () => {
  it('binary junk as greeting: exit 9, the reply quoted without control characters', async () => {
    const v = email.version();
    const server = await rawServer((socket) => socket.write(Buffer.from([0x00, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0x07, 0x20, 0x6a, 0x75, 0x6e, 0x6b, 0x0d, 0x0a])));
    const r = await send(v.dir, server.url);
    expect(r.status).toBe(exitCodes.DELIVERY);
    expect(r.stderr).toContain('reached nobody');
    expect(r.stderr).toContain('junk');
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stderr).not.toContain('internal error');
    expect(existsSync(join(v.outDir, 'harbour-bridge', 'send-log.jsonl'))).toBe(false);
  });

  it('connection closed at once: retried, then exit 9 naming the recipient', async () => {
    const v = email.version();
    const server = await rawServer((socket) => socket.destroy());
    const r = await send(v.dir, server.url);
    expect(r.status).toBe(exitCodes.DELIVERY);
    expect(r.stderr).toMatch(/ana@example\.org: gave up after \d+ attempts/);
    expect(server.connections()).toBeGreaterThan(1);
    expect(existsSync(join(v.outDir, 'harbour-bridge', 'send-log.jsonl'))).toBe(false);
  });
});
