import { describe, expect, it } from 'vitest';
import { decode, declaredCharset, decodeWindows1252, type Decoded } from '../../src/ingest/decode.js';

const MOJIBAKE = /â€|Ã.|\uFFFD/;

function ok(result: Decoded): { text: string; encoding: string; guess?: string } {
  if (!result.ok) throw new Error(`expected text, got rejection: ${result.reason}`);
  return result;
}

/** windows-1252 bytes for “Tickets cost €12 – or more,” she said. */
function cp1252Quote(): Buffer {
  return Buffer.concat([
    Buffer.from([0x93]),
    Buffer.from('Tickets cost '),
    Buffer.from([0x80]),
    Buffer.from('12 '),
    Buffer.from([0x96]),
    Buffer.from(' or more,'),
    Buffer.from([0x94]),
    Buffer.from(' she said.'),
  ]);
}

describe('decode', () => {
  it('reads UTF-8 without BOM', () => {
    const r = ok(decode(Buffer.from('Café “open” — 5 €\n')));
    expect(r).toMatchObject({ text: 'Café “open” — 5 €\n', encoding: 'utf-8' });
    expect(r.guess).toBeUndefined();
  });

  it('strips a UTF-8 BOM', () => {
    const r = ok(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Déjà vu.')])));
    expect(r.text).toBe('Déjà vu.');
    expect(r.encoding).toBe('utf-8');
  });

  it('reads UTF-16LE and UTF-16BE with BOM', () => {
    const text = 'Zoë said “yes” to the €2 fare.\r\nSecond line.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    expect(ok(decode(le))).toMatchObject({ encoding: 'utf-16le', text: 'Zoë said “yes” to the €2 fare.\nSecond line.' });
    expect(ok(decode(be))).toMatchObject({ encoding: 'utf-16be', text: 'Zoë said “yes” to the €2 fare.\nSecond line.' });
  });

  it('recognises UTF-16LE without BOM by its NUL pattern, and says it guessed', () => {
    const r = ok(decode(Buffer.from('Plain words in a UTF-16 file without a mark.', 'utf16le')));
    expect(r.encoding).toBe('utf-16le');
    expect(r.text).toBe('Plain words in a UTF-16 file without a mark.');
    expect(r.guess).toMatch(/no BOM/);
  });

  it('decodes windows-1252 declared with <meta charset>, curly quotes and € intact', () => {
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset=windows-1252></head><body><p>'), cp1252Quote(), Buffer.from('</p></body></html>')]);
    const r = ok(decode(bytes));
    expect(r.encoding).toBe('windows-1252');
    expect(r.guess).toBeUndefined();
    expect(r.text).toContain('“Tickets cost €12 – or more,” she said.');
    expect(r.text).not.toMatch(MOJIBAKE);
  });

  it('decodes a charset declared through http-equiv Content-Type (iso-8859-1 means windows-1252)', () => {
    const head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>';
    const r = ok(decode(Buffer.concat([Buffer.from(head), cp1252Quote(), Buffer.from('</p>')])));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('“Tickets cost €12 – or more,” she said.');
  });

  it('decodes other declared legacy charsets through TextDecoder', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1250"><p>Praha '), Buffer.from([0x9a, 0xe8]), Buffer.from('</p>')]);
    const r = ok(decode(bytes));
    expect(r.encoding).toBe('windows-1250');
    expect(r.text).toContain('Praha šč');
  });

  it('falls back to windows-1252 for invalid UTF-8 without a declaration, and says it guessed', () => {
    const r = ok(decode(cp1252Quote()));
    expect(r.encoding).toBe('windows-1252');
    expect(r.guess).toMatch(/not valid UTF-8/);
    expect(r.text).toBe('“Tickets cost €12 – or more,” she said.');
  });

  it('trusts valid UTF-8 bytes over a wrong declaration', () => {
    const r = ok(decode(Buffer.from('<meta charset="windows-1252"><p>“Quoted” €</p>')));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('“Quoted” €');
  });

  it('rejects empty and whitespace-only files', () => {
    expect(decode(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    expect(decode(Buffer.from('  \n\t\r\n\u00a0 '))).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
  });

  it('rejects binary files: NUL bytes, or many control characters', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decode(png)).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41)));
    expect(decode(controls)).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
  });

  it('normalises CRLF and CR line endings', () => {
    expect(ok(decode(Buffer.from('a\r\nb\rc'))).text).toBe('a\nb\nc');
  });
});

describe('declaredCharset', () => {
  it('finds meta charset, http-equiv and XML declarations', () => {
    expect(declaredCharset('<meta charset="UTF-8">')).toBe('utf-8');
    expect(declaredCharset("<meta http-equiv='content-type' content='text/html;charset=windows-1251'>")).toBe('windows-1251');
    expect(declaredCharset('<?xml version="1.0" encoding="ISO-8859-15"?><rss>')).toBe('iso-8859-15');
    expect(declaredCharset('<p>no declaration</p>')).toBeUndefined();
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte of 0x80–0x9F (Node 20 TextDecoder drops them)', () => {
    const text = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    expect(text).toHaveLength(32);
    expect(text.slice(0, 1)).toBe('€');
    expect(text.slice(0x13, 0x15)).toBe('“”');
    expect(decodeWindows1252(Buffer.from([0x41, 0xe9, 0xff]))).toBe('Aéÿ');
  });
});
