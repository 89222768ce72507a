/**
 * Regression: a theme font cut short or damaged passed the theme check (fontkit reads tables lazily) and
 * crashed pdfkit at the very end of the build with an internal error. Now it is refused when the theme is
 * loaded: exit 3, naming the theme file, line and key, and nothing is written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontsDir } from '../../src/paths.js';
import { fontProblem } from '../../src/render/pdf/font-check.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { ordinaryArticle } from '../helpers/hostile.js';

const regular = readFileSync(join(fontsDir, 'NotoSans-Regular.ttf'));

/** The offset of `tag`'s record in the sfnt table directory. */
function recordOf(font: Buffer, tag: string): number {
  for (let i = 0; i < font.readUInt16BE(4); i++) if (font.subarray(12 + i * 16, 16 + i * 16).toString('latin1') === tag) return 12 + i * 16;
  throw new Error(`no ${tag} table`);
}

/** The font with bytes in the middle of its `glyf` table overwritten. */
function damaged(): Buffer {
  const font = Buffer.from(regular);
  const record = recordOf(font, 'glyf');
  const offset = font.readUInt32BE(record + 8);
  const length = font.readUInt32BE(record + 12);
  for (let i = 0; i < 4000; i += 1) font[offset + Math.floor((length * i) / 4000)] = 0xff;
  return font;
}

function buildWithThemeFont(font: Buffer): { status: number | null; stderr: string; out: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'house.ttf'), font);
  writeFileSync(join(dir, 'theme.yaml'), 'colors:\n  accent: "#7A1F1F"\nfonts:\n  serif:\n    regular: house.ttf\n');
  const out = join(dir, 'out');
  const r = runCli(['build', ordinaryArticle, '--out', out, '--date', '2026-03-04', '--theme', join(dir, 'theme.yaml')]);
  return { status: r.status, stderr: r.stderr, out };
}

describe('regression: a damaged theme font', () => {
  it('refuses a font cut in half at load, naming file, line and key; writes nothing', () => {
    const r = buildWithThemeFont(regular.subarray(0, regular.length >> 1));
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/theme\.yaml:5: fonts\.serif\.regular: .*house\.ttf is cut short/);
    expect(r.stderr).not.toContain('internal error');
    expect(existsSync(r.out)).toBe(false);
  });

  it('refuses a font whose glyph data is overwritten, naming the damaged table', () => {
    const problem = fontProblem(damaged());
    expect(problem).toMatch(/could not be read as a font .*"glyf"/);
    const r = buildWithThemeFont(damaged());
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('fonts.serif.regular');
  });

  it('refuses a file of a few bytes', () => {
    expect(fontProblem(regular.subarray(0, 8))).toMatch(/cut short/);
    expect(fontProblem(regular.subarray(0, 100))).toMatch(/cut short/);
  });

  it('accepts a sound font whose directory merely records a wrong checksum', () => {
    const font = Buffer.from(regular);
    font.writeUInt32BE((font.readUInt32BE(recordOf(font, "name") + 4) ^ 1) >>> 0, recordOf(font, 'name') + 4);
    expect(fontProblem(font)).toBeUndefined();
    expect(fontProblem(regular)).toBeUndefined();
  });
});
