/**
 * Shared set-up for the delivery tests: a real archived version built from invented articles, and a real
 * SMTP server on 127.0.0.1 whose answers each test scripts, keeping every message it accepted.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { afterEach, beforeAll } from 'vitest';
import { buildBrief } from '../../src/brief.js';
import type { Manifest } from '../../src/archive/manifest.js';
import { tempDir } from '../helpers/cli.js';

/** A title with characters that must be escaped in HTML and encoded in a header. */
export const TITLE = 'Harbour bridge & tunnel <review>: Київ and Αθήνα engineers called in';
export const BRIEF_DATE = '2023-03-09';

const ARTICLES: Record<string, string> = {
  'gazette.txt': [
    'Harbour bridge shut after cracks found',
    '',
    'The harbour bridge was closed on Wednesday after inspectors found cracks in its main span, the council said.',
    '',
    'About 40,000 vehicles a day used the crossing; traffic is being sent along the ring road.',
    '',
    'The council will vote on emergency repair funding on March 14.',
    '',
    'It is not yet clear how long the repairs will take or who will pay for them.',
  ].join('\n'),
  'wire.txt': [
    'Engineers find cracks in harbour bridge',
    '',
    'Inspectors found cracks in the main span of the harbour bridge, which was closed to all traffic on Wednesday.',
    '',
    'Engineers from Київ and Αθήνα will review the welds next week, a council spokesperson said.',
    '',
    'The bridge opened in 1962 and carries about 40,000 vehicles a day.',
  ].join('\n'),
};

const SOURCES_JSON = {
  'gazette.txt': { outlet: 'Coast Gazette', published: '2023-03-08', url: 'https://gazette.example/bridge?a=1&b=2' },
  'wire.txt': { outlet: 'Meridian Wire', published: '2023-03-09' },
};

export interface BuiltVersion {
  outDir: string;
  dir: string;
  manifest: Manifest;
}

/** Build v1 of the invented brief into a fresh archive (PDF, Markdown, JSON). */
export async function buildVersion(formats: Array<'pdf' | 'md' | 'json'> = ['pdf', 'md', 'json']): Promise<BuiltVersion> {
  const input = tempDir('deliver-in-');
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(input, name), `${text}\n`);
  writeFileSync(join(input, 'sources.json'), JSON.stringify(SOURCES_JSON));
  const outDir = tempDir('deliver-out-');
  const result = await buildBrief({
    inputs: [input],
    analyze: { date: BRIEF_DATE, title: TITLE, summaryWords: 150, keyQuotes: 6 },
    output: { outDir, formats, pageSize: 'A4', slug: 'harbour-bridge' },
  });
  const manifest = JSON.parse(readFileSync(join(result.version.dir, 'manifest.json'), 'utf8')) as Manifest;
  return { outDir, dir: result.version.dir, manifest };
}

/** A copy of a built archive, so each test has its own send log. */
export function copyVersion(built: BuiltVersion): BuiltVersion {
  const outDir = tempDir('deliver-copy-');
  mkdirSync(outDir, { recursive: true });
  cpSync(built.outDir, outDir, { recursive: true });
  const dir = join(outDir, built.dir.slice(built.outDir.length));
  return { outDir, dir, manifest: built.manifest };
}

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: Buffer;
}

/** What the server should answer; undefined lets the step through. */
export interface ServerScript {
  /** Called for each RCPT TO; return a reply code (4xx/5xx) to refuse that recipient, or 'drop' to cut the connection unanswered. */
  rcpt?: (address: string, session: SMTPServerSession, counts: ServerCounts) => number | 'drop' | undefined;
  /**
   * Called at the end of DATA (the final "." received); return a reply code to refuse the message, or 'drop'
   * to keep it (it arrived) and cut the connection without answering, as a server that crashes then does,
   * or 'hang' to keep it and never answer.
   */
  data?: (counts: ServerCounts) => number | 'drop' | 'hang' | undefined;
  /** The SIZE limit to announce in EHLO (and enforce at MAIL FROM). */
  size?: number;
}

export interface ServerCounts {
  connections: number;
  /** MAIL FROM commands received: a message refused before this was never offered. */
  mailCommands: number;
  /** Messages received in full (the final "." arrived), answered or not. */
  dataCommands: number;
}

export interface TestServer {
  url: string;
  port: number;
  messages: ReceivedMessage[];
  counts: ServerCounts;
  close(): Promise<void>;
}

function refusal(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/** A plain SMTP server on 127.0.0.1 (no STARTTLS, any or no login) on a free port. */
export async function startServer(script: ServerScript = {}): Promise<TestServer> {
  const messages: ReceivedMessage[] = [];
  const counts: ServerCounts = { connections: 0, mailCommands: 0, dataCommands: 0 };
  // The client's sockets by port, so a script can cut one without answering.
  const sockets = new Map<number, Socket>();
  const drop = (session: SMTPServerSession) => sockets.get(session.remotePort)?.destroy();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...(script.size === undefined ? {} : { size: script.size }),
    onConnect(_session, callback) {
      counts.connections++;
      callback();
    },
    onMailFrom(_address, _session, callback) {
      counts.mailCommands++;
      callback();
    },
    onRcptTo(address: SMTPServerAddress, session, callback) {
      const code = script.rcpt?.(address.address, session, counts);
      if (code === 'drop') drop(session);
      else if (code === undefined) callback();
      else callback(refusal(code, code >= 500 ? 'mailbox unavailable' : 'try again later'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        counts.dataCommands++;
        const code = script.data?.(counts);
        if (typeof code === 'number') return callback(refusal(code, code >= 500 ? 'message refused' : 'busy, try later'));
        const envelope = session.envelope;
        messages.push({
          from: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          to: envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        if (code === 'drop') drop(session);
        else if (code !== 'hang') callback();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.once('close', () => sockets.delete(port));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    counts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The usual setting of an email test, its hooks registered in the calling file or describe: one version
 * built before all tests (each test sends a copy), and every SMTP server started closed after each test.
 */
export function emailFixture(): { version(): BuiltVersion; server(script?: ServerScript): Promise<TestServer> } {
  let built: BuiltVersion | undefined;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    built = await buildVersion();
  }, 120_000);
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return {
    version: () => copyVersion(built!),
    async server(script) {
      const s = await startServer(script);
      servers.push(s);
      return s;
    },
  };
}
