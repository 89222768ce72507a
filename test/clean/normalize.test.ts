import { describe, expect, it } from 'vitest';
import { normalizeInline, normalizeText } from '../../src/clean/normalize.js';

describe('normalizeText', () => {
  it('keeps real stacks of marks and cuts a Zalgo stack to 16 marks on its base', () => {
    expect(normalizeText('Vi\u1EC7t ph\u01B0\u0323\u0301')).toBe('Vi\u1EC7t ph\u01B0\u0323\u0301'.normalize('NFC'));
    const zalgo = normalizeText(`Z${'\u0334\u0335\u0336\u0337'.repeat(100)}algo`);
    expect(zalgo.length).toBe('Z'.length + 16 + 'algo'.length);
    expect(zalgo.endsWith('algo')).toBe(true);
  });

  it('composes to NFC', () => {
    expect(normalizeText('Cafe\u0301 owner')).toBe('Café owner');
  });

  it('removes zero-width characters, soft hyphens, BOM and bidi marks', () => {
    expect(normalizeText('\uFEFFport\u200B authority\u00AD said\u200E it\u2060 would')).toBe('port authority said it would');
  });

  it('keeps ZWJ inside emoji sequences', () => {
    expect(normalizeText('crew 👩\u200D🚒 arrived')).toBe('crew 👩\u200D🚒 arrived');
  });

  it('removes C0 control characters but not line breaks', () => {
    expect(normalizeText('one\u0007 two\u0000\nthree')).toBe('one two\nthree');
  });

  it('reads C1 controls as the windows-1252 characters they stand for', () => {
    expect(normalizeText('\u0093Yes,\u0094 she said \u0096 twice\u0085')).toBe('“Yes,” she said – twice…');
  });

  it('makes no-break, narrow and other odd spaces plain and collapses runs', () => {
    expect(normalizeText('10\u00A0km\u202Ffrom  the\tquay\u2003today')).toBe('10 km from the quay today');
  });

  it('keeps quotation marks, apostrophes and dashes exactly as written', () => {
    const text = '“Ready,” he said — ‘twice’ — and "again" it\'s the crew’s call';
    expect(normalizeText(text)).toBe(text);
  });

  it('keeps single line breaks, trims lines and allows at most one blank line', () => {
    expect(normalizeText('  first line  \r\nsecond\r\r\r\n\n\nthird  ')).toBe('first line\nsecond\n\nthird');
  });

  it('turns Unicode line and paragraph separators into line breaks', () => {
    expect(normalizeText('a\u2028b\u2029c')).toBe('a\nb\nc');
  });

  it('returns an empty string for whitespace and invisible characters only', () => {
    expect(normalizeText(' \u00A0\u200B\n\t ')).toBe('');
  });
});

describe('normalizeInline', () => {
  it('joins lines with one space', () => {
    expect(normalizeInline('The ferry would\nnot sail\n\nagain.')).toBe('The ferry would not sail again.');
  });
});
