/**
 * PDF themes: reading, checking (errors name file, line and key), the shipped themes, and what a theme
 * changes in the PDF — fonts, colours, logo, banner — with output still byte-identical run to run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../src/cli/config.js';
import { BriefwrightError } from '../../src/errors.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { defaultColors, defaultTheme, loadTheme, parseTheme, type Theme } from '../../src/render/theme.js';
import type { RenderContext } from '../../src/render/types.js';
import { sampleBriefing } from '../helpers/briefings.js';
import { pdfFonts, pdfPages, runTool, writeTempPdf } from '../helpers/pdf-tools.js';

const fixtures = resolve('test/fixtures/themes');
const fonts = resolve('fonts');
const context: RenderContext = { version: 1, generator: 'briefwright 0.1.0', pageSize: 'A4' };

/** Write `text` as a theme file in a fresh folder and load it. */
function themeFrom(text: string, name = 'theme.yaml'): Theme {
  const path = join(mkdtempSync(join(tmpdir(), 'brief-theme-')), name);
  writeFileSync(path, text);
  return loadTheme(path);
}

/** The CONFIG error loading `text` gives, as "<file name>:<rest>". */
function themeError(text: string, name = 'theme.yaml', bytes?: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'brief-theme-'));
  for (const [file, content] of Object.entries(bytes ?? {})) writeFileSync(join(dir, file), content);
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    loadTheme(path);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).code).toBe('CONFIG');
    const message = (error as Error).message;
    expect(message.startsWith(`${path}:`)).toBe(true);
    return `${name}${message.slice(path.length)}`;
  }
  throw new Error('the theme was accepted');
}

describe('reading a theme', () => {
  it('gives the built-in theme without a file', () => {
    expect(loadTheme(undefined)).toBe(defaultTheme);
    expect(defaultTheme).toMatchObject({ fonts: {}, colors: defaultColors });
  });

  it('reads every key, with paths relative to the theme file', () => {
    const theme = loadTheme('test/fixtures/themes/full.yaml');
    expect(theme.file).toBe(join(fixtures, 'full.yaml'));
    expect(theme.fonts).toEqual({
      serif: join(fonts, 'NotoSans-Regular.ttf'),
      serifBold: join(fonts, 'NotoSans-Bold.ttf'),
      serifItalic: join(fonts, 'NotoSans-Italic.ttf'),
      serifBoldItalic: join(fonts, 'NotoSans-BoldItalic.ttf'),
      sans: join(fonts, 'NotoSerif-Regular.ttf'),
    });
    expect(theme.colors).toEqual({ text: '#102030', muted: '#445566', accent: '#7a1f1f', link: '#0b3d91', boxBackground: '#f4efe6', rule: '#999999' });
    expect(theme.logo).toMatchObject({ file: join(fixtures, 'logo.png'), width: 240, height: 80 });
    expect(theme.banner).toBe('RESTRICTED — BOARD ONLY');
  });

  it('reads JSON, keeping the built-in value of every key it leaves out', () => {
    const theme = loadTheme('test/fixtures/themes/full.json');
    expect(theme.colors).toEqual({ ...defaultColors, accent: '#224466', boxBackground: '#eef2f6' });
    expect(theme.fonts).toEqual({});
    expect(theme.logo).toMatchObject({ file: join(fixtures, 'logo.jpg'), width: 240, height: 80 });
  });

  it('gives themes a digest that changes with what they change', () => {
    const a = themeFrom('colors: { accent: "#112233" }');
    expect(themeFrom('colors: { accent: "#112233" }\n# same\n').digest).toBe(a.digest);
    expect(themeFrom('colors: { accent: "#112234" }').digest).not.toBe(a.digest);
    expect(themeFrom('banner: HELLO').digest).not.toBe(defaultTheme.digest);
  });

  it('ships default.yaml, which is the built-in theme, and navy.yaml, which loads', () => {
    const shipped = loadTheme('themes/default.yaml');
    expect({ ...shipped, file: undefined, digest: undefined }).toEqual({ ...defaultTheme, file: undefined, digest: undefined });
    expect(shipped.digest).toBe(defaultTheme.digest);
    // Every key a theme can have is documented in default.yaml.
    const documented = readFileSync('themes/default.yaml', 'utf8');
    for (const key of ['fonts:', 'serif:', 'sans:', 'regular:', 'bold:', 'italic:', 'boldItalic:', 'colors:', ...Object.keys(defaultColors).map((k) => `${k}:`), 'logo:', 'banner:']) {
      expect(documented).toContain(key);
    }
    const navy = loadTheme('themes/navy.yaml');
    expect(navy.banner).toBe('INTERNAL — DO NOT FORWARD');
    expect(navy.fonts.serif).toBe(join(fonts, 'NotoSans-Regular.ttf'));
  });
});

describe('theme errors name the file, the line and the key', () => {
  it('refuses unknown keys', () => {
    expect(themeError('colors:\n  text: "#111111"\ncolour: red\n')).toBe('theme.yaml:3: colour: unknown key (allowed here: fonts, colors, logo, banner)');
    expect(themeError('colors:\n  text: "#111111"\n  background: "#ffffff"\n')).toMatch(/^theme\.yaml:3: colors\.background: unknown key \(allowed here: text, muted, accent, link, boxBackground, rule\)$/);
    expect(themeError('fonts:\n  serif:\n    light: a.ttf\n')).toMatch(/^theme\.yaml:3: fonts\.serif\.light: unknown key/);
    expect(themeError('fonts:\n  mono:\n    regular: a.ttf\n')).toMatch(/^theme\.yaml:2: fonts\.mono: unknown key \(allowed here: serif, sans\)$/);
  });

  it('refuses wrong types', () => {
    expect(themeError('banner: 12\n')).toBe('theme.yaml:1: banner: must be text, not number 12');
    expect(themeError('colors: "#111111"\n')).toMatch(/^theme\.yaml:1: colors: must map colour names/);
    expect(themeError('fonts:\n  serif: Georgia\n')).toMatch(/^theme\.yaml:2: fonts\.serif: must map faces/);
    expect(themeError('- a\n- b\n')).toMatch(/^theme\.yaml:1: a theme is a mapping/);
    expect(themeError('logo: [a.png]\n')).toBe('theme.yaml:1: logo: must be the path of a PNG or JPEG image, not a list');
    expect(themeError('banner: "two\\nlines"\n')).toBe('theme.yaml:1: banner: must be a single line of text');
    expect(themeError(`banner: ${'X'.repeat(161)}\n`)).toBe('theme.yaml:1: banner: must be at most 160 characters');
  });

  it('refuses colours that are not colours, and explains an unquoted #', () => {
    expect(themeError('colors:\n  accent: "#12345"\n')).toBe('theme.yaml:2: colors.accent: "#12345" is not a colour (use "#rrggbb" or "#rgb")');
    expect(themeError('colors:\n  accent: navy\n')).toBe('theme.yaml:2: colors.accent: "navy" is not a colour (use "#rrggbb" or "#rgb")');
    expect(themeError('colors:\n  text: #111111\n')).toMatch(/^theme\.yaml:2: colors\.text: has no value \(quote colours: "#111111"/);
    expect(themeError('{ "colors": { "rule": 999 } }', 'theme.json')).toBe('theme.json:1: colors.rule: must be a colour like "#1f3d66", not number 999');
  });

  it('refuses missing and unusable files', () => {
    expect(themeError('logo: missing.png\n')).toMatch(/^theme\.yaml:1: logo: missing\.png not found \(looked for \/.*\/missing\.png\)$/);
    expect(themeError('fonts:\n  sans:\n    bold: fonts/none.ttf\n')).toMatch(/^theme\.yaml:3: fonts\.sans\.bold: fonts\/none\.ttf not found/);
    expect(themeError('logo: notes.txt\n', 'theme.yaml', { 'notes.txt': Buffer.from('not an image') })).toMatch(/^theme\.yaml:1: logo: .*notes\.txt is not a PNG or JPEG image$/);
    const woff2 = Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(60)]);
    expect(themeError('fonts:\n  serif:\n    regular: a.woff2\n', 'theme.yaml', { 'a.woff2': woff2 })).toMatch(/^theme\.yaml:3: fonts\.serif\.regular: .*a\.woff2 is a WOFF font, which pdfkit draws as invisible text/);
    const broken = Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.alloc(40, 7)]);
    expect(themeError('fonts:\n  serif:\n    regular: broken.ttf\n', 'theme.yaml', { 'broken.ttf': broken })).toMatch(/^theme\.yaml:3: fonts\.serif\.regular: .*broken\.ttf is cut short: its table directory runs past the end of the file$/);
    expect(themeError('fonts:\n  serif:\n    regular: text.ttf\n', 'theme.yaml', { 'text.ttf': Buffer.from('hello world') })).toMatch(/text\.ttf is not a TrueType or OpenType font$/);
  });

  it('refuses a CMYK JPEG logo, which the PDF/A output intent (sRGB) would contradict', () => {
    const jpeg = readFileSync(join(fixtures, 'logo.jpg'));
    // The frame header (SOF0) gives the number of components 8 bytes after its marker: make it 4 (CMYK).
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    const cmyk = Buffer.from(jpeg);
    cmyk[sof + 9] = 4;
    expect(themeError('logo: cmyk.jpg\n', 'theme.yaml', { 'cmyk.jpg': cmyk })).toMatch(/^theme\.yaml:1: logo: .*cmyk\.jpg is a CMYK JPEG; save it as RGB or greyscale$/);
  });

  it('names the line of a syntax error, in YAML and in JSON', () => {
    expect(themeError('colors:\n  text: "#111111"\n   muted: "#222222"\n')).toMatch(/^theme\.yaml:3: not valid YAML/);
    expect(themeError('colors:\n  text: "#111111"\ncolors:\n  muted: "#222222"\n')).toMatch(/^theme\.yaml:3: not valid YAML: .*[Dd]uplicate|^theme\.yaml:3: not valid YAML/);
    expect(themeError('{\n  "colors": {\n    "text": "#111111",\n  }\n}\n', 'theme.json')).toMatch(/^theme\.json:4: not valid JSON/);
  });

  it('says when the theme file itself cannot be read', () => {
    expect(() => loadTheme('/nonexistent/theme.yaml')).toThrow(/^\/nonexistent\/theme\.yaml: cannot read the theme file \(ENOENT\)$/);
    expect(() => parseTheme('colors: { text: 5 }', 'inline.yaml')).toThrow(/^inline\.yaml:1: colors\.text: must be a colour/);
  });
});

describe('the --theme and --banner flags', () => {
  it('resolve into output options, checked', () => {
    const { output } = resolveBuildOptions({ sources: ['seeds'], theme: 'themes/navy.yaml', banner: '  INTERNAL  ' });
    expect(output).toMatchObject({ themePath: 'themes/navy.yaml', banner: 'INTERNAL' });
    expect(() => resolveBuildOptions({ sources: ['seeds'], theme: 'themes/none.yaml' })).toThrow(/^--theme: themes\/none\.yaml is not a file$/);
    expect(() => resolveBuildOptions({ sources: ['seeds'], banner: ' ' })).toThrow(/^--banner must not be empty$/);
    expect(() => resolveBuildOptions({ sources: ['seeds'], banner: 'a\nb' })).toThrow(/^--banner must be a single line of text$/);
    const plain = resolveBuildOptions({ sources: ['seeds'] }).output;
    expect(plain.themePath).toBeUndefined();
    expect(plain.banner).toBeUndefined();
  });
});

describe('a theme in the PDF', () => {
  it('gives the same bytes with themes/default.yaml as with no theme', async () => {
    const plain = await renderPdf(sampleBriefing(), context);
    const themed = await renderPdf(sampleBriefing(), { ...context, theme: loadTheme('themes/default.yaml') });
    expect(Buffer.from(themed.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
  });

  it('sets text in the theme fonts (still embedded and subset), draws the logo and prints the banner', async () => {
    const theme = loadTheme('test/fixtures/themes/full.yaml');
    const file = writeTempPdf((await renderPdf(sampleBriefing(), { ...context, theme })).bytes);
    expect(runTool('qpdf', ['--check', file]).status).toBe(0);
    const used = pdfFonts(file);
    for (const f of used) expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
    const names = new Set(used.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
    // Serif roles are set in Noto Sans here, and the plain sans role in Noto Serif.
    expect(names).toContain('NotoSans-Regular');
    expect(names).toContain('NotoSerif-Regular');
    expect(names).not.toContain('NotoSerif-Bold');
    const images = runTool('pdfimages', ['-list', file]).stdout.split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(2); // the image and its alpha mask
    expect(images[0]).toMatch(/^\s*1\s+0 image\s+240\s+80\s+rgb/);
    const page = pdfPages(file, { layout: true })[0]!.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(page[0]).toBe('RESTRICTED — BOARD ONLY');
    expect(page.at(-1)).toMatch(/^RESTRICTED — BOARD ONLY\s+Page 1 of \d$/);
  });

  it('lets the banner of the context override the theme', async () => {
    const theme = loadTheme('test/fixtures/themes/full.json');
    const file = writeTempPdf((await renderPdf(sampleBriefing(), { ...context, theme, banner: 'FOR THE MINISTER' })).bytes);
    const text = pdfPages(file)[0]!;
    expect(text).toContain('FOR THE MINISTER');
    expect(text).not.toContain('JSON THEME');
  });

  it('gives the same bytes twice with a theme and a logo (PNG and JPEG), and other bytes than without', async () => {
    for (const name of ['full.yaml', 'full.json']) {
      const theme = loadTheme(join('test/fixtures/themes', name));
      const a = await renderPdf(sampleBriefing(), { ...context, theme });
      const b = await renderPdf(sampleBriefing(), { ...context, theme: loadTheme(join('test/fixtures/themes', name)) });
      expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)), name).toBe(true);
      const plain = await renderPdf(sampleBriefing(), context);
      expect(Buffer.from(a.bytes).equals(Buffer.from(plain.bytes)), name).toBe(false);
    }
  });
});
