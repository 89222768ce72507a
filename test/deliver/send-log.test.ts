import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendSendLog, deliveredTo, deliveryCount, readSendLog, unknownTo } from '../../src/deliver/send-log.js';
import { tempDir } from '../helpers/cli.js';

const entry = (recipient: string, version = 'bridge/2023-03-09/v1') => ({
  version,
  recipient,
  messageId: '<id@example.org>',
  at: '2023-03-09T07:00:00.000Z',
});

describe('send log', () => {
  it('reads an absent log as empty', async () => {
    const log = await readSendLog(join(tempDir(), 'send-log.jsonl'));
    expect(log.entries).toEqual([]);
    expect(log.warnings).toEqual([]);
  });

  it('appends one JSON line per recipient, lower-cased, and reads them back by version', async () => {
    const path = join(tempDir(), 'send-log.jsonl');
    await appendSendLog(path, [entry('Ana@Example.org'), entry('ben@example.org')]);
    await appendSendLog(path, [entry('ana@example.org', 'bridge/2023-03-10/v1')]);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({ ...entry('ana@example.org') });
    const log = await readSendLog(path);
    expect([...deliveredTo(log, 'bridge/2023-03-09/v1')]).toEqual(['ana@example.org', 'ben@example.org']);
    expect([...deliveredTo(log, 'bridge/2023-03-10/v1')]).toEqual(['ana@example.org']);
    expect(deliveryCount(log, 'bridge/2023-03-09/v1')).toBe(2);
  });

  it('keeps unknown deliveries apart: not delivered, not counted, until a later line says delivered', async () => {
    const path = join(tempDir(), 'send-log.jsonl');
    const reason = 'the connection ended before the server answered';
    await appendSendLog(path, [
      { ...entry('ana@example.org'), status: 'unknown', reason },
      { ...entry('ben@example.org'), status: 'unknown', reason },
      entry('cy@example.org'),
    ]);
    await appendSendLog(path, [{ ...entry('ben@example.org'), status: 'delivered' }]);
    // A status this version does not know counts as unknown: never sent again unasked.
    appendFileSync(path, `${JSON.stringify({ ...entry('dee@example.org'), status: 'bounced-later' })}\n`);
    expect(JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!)).toEqual({ ...entry('ana@example.org'), status: 'unknown', reason });
    const log = await readSendLog(path);
    expect(log.warnings).toEqual([]);
    const v = 'bridge/2023-03-09/v1';
    expect([...deliveredTo(log, v)].sort()).toEqual(['ben@example.org', 'cy@example.org']);
    expect([...unknownTo(log, v)].sort()).toEqual(['ana@example.org', 'dee@example.org']);
    expect(deliveryCount(log, v)).toBe(2);
  });

  it('starts a new line after a line cut off by a crash, and skips the cut line with a warning naming it', async () => {
    const path = join(tempDir(), 'send-log.jsonl');
    await appendSendLog(path, [entry('ana@example.org')]);
    appendFileSync(path, '{"version":"bridge/2023-03-09/v1","recip');
    await appendSendLog(path, [entry('ben@example.org')]);
    const log = await readSendLog(path);
    expect(log.entries.map((e) => e.recipient)).toEqual(['ana@example.org', 'ben@example.org']);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatchObject({ kind: 'delivery-note', source: path, position: { line: 2 } });
  });

  it('ignores lines that are JSON but not entries', async () => {
    const path = join(tempDir(), 'send-log.jsonl');
    writeFileSync(path, '{"version":"v","recipient":"a@example.org"}\n[1,2]\n');
    const log = await readSendLog(path);
    expect(log.entries).toEqual([]);
    expect(log.warnings.map((w) => w.position?.line)).toEqual([1, 2]);
  });
});
