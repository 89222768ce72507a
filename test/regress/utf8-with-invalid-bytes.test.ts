/**
 * Regression: a UTF-8 article with a few invalid bytes (a cut multi-byte character, a pasted fragment)
 * was read whole as windows-1252, so every accent, curly quote and Cyrillic name in it became mojibake.
 * Now it stays UTF-8: the bad bytes become U+FFFD and an `encoding-repaired` warning counts them.
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.js';
import { readSource } from '../../src/ingest/index.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const article = (bad: Buffer) =>
  Buffer.concat([utf8('Київ ferry talks\n\nThe mayor of Київ said “the crossing reopens” on Friday, in the café by the pier. '), bad, utf8(' Łódź sent a boat.\n')]);

describe('regression: UTF-8 with a few invalid bytes', () => {
  it('keeps the file UTF-8 and turns each invalid sequence into U+FFFD', () => {
    const r = decode(article(Buffer.from([0xff, 0x41, 0xc3])));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('Київ');
    expect(r.text).toContain('“the crossing reopens”');
    expect(r.text).toContain('\uFFFDA\uFFFD Łódź');
    expect(r.repaired).toBe(2);
    expect(r.guess).toBeUndefined();
  });

  it('warns with the count, naming the file', () => {
    const read = readSource('mixed.txt', article(Buffer.from([0xe2, 0x80])), '2026-03-04');
    const repaired = read.warnings.filter((w) => w.kind === 'encoding-repaired');
    expect(repaired).toHaveLength(1);
    expect(repaired[0]!.source).toBe('mixed.txt');
    expect(repaired[0]!.reason).toMatch(/^1 invalid UTF-8 byte sequence read as U\+FFFD/);
    expect(read.warnings.map((w) => w.kind)).not.toContain('encoding-guessed');
  });

  it('does not count a U+FFFD the file itself holds as a repair', () => {
    const r = decode(Buffer.concat([utf8('A literal \uFFFD and Київ; then a bad byte: '), Buffer.from([0xfe])]));
    expect(r.ok && r.repaired).toBe(1);
  });

  it('still reads a file that is not UTF-8 at all as windows-1252', () => {
    const cp1252 = Buffer.from([0x93, ...Buffer.from('Tickets cost '), 0x80, ...Buffer.from('12 '), 0x96, ...Buffer.from(' or more,'), 0x94, ...Buffer.from(' she said in the caf'), 0xe9]);
    const r = decode(cp1252);
    expect(r.ok && r.encoding).toBe('windows-1252');
    expect(r.ok && r.text).toBe('“Tickets cost €12 – or more,” she said in the café');
  });

  it('reads a file declared UTF-8 as UTF-8 even when most of its non-ASCII bytes are bad', () => {
    const r = decode(Buffer.concat([utf8('<html><head><meta charset="utf-8"></head><body><p>caf'), Buffer.from([0xe9]), utf8('</p></body></html>')]));
    expect(r.ok && r.encoding).toBe('utf-8');
    expect(r.ok && r.repaired).toBe(1);
  });
});
