/**
 * PDF themes: fonts, colours, a logo and a distribution banner, read from a YAML or JSON file
 * (themes/default.yaml documents every key). The file is read and checked once, before anything is built;
 * writers get the resolved Theme and read no files of their own except the fonts it names.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { configError, parseConfigText, type LocatedData } from '../config/yaml-file.js';
import { fontProblem } from './pdf/font-check.js';
import type { FontRole } from './pdf/fonts.js';

/** The colours of a theme, as "#rrggbb". */
export interface ThemeColors {
  /** Reading text and headings. */
  text: string;
  /** Labels, metadata, attributions, small print. */
  muted: string;
  /** Title rule, the bar beside the bottom line and the quotes, the kicker. */
  accent: string;
  /** Citations and URLs. */
  link: string;
  /** Background of the bottom-line box. */
  boxBackground: string;
  /** Rules under headings and around the table. */
  rule: string;
}

/** An image the theme draws (the logo), already read and checked. */
export interface ThemeImage {
  /** Absolute path of the file it was read from. */
  file: string;
  bytes: Buffer;
  /** Size in pixels, after the image's own orientation. */
  width: number;
  height: number;
}

export interface Theme {
  /** The theme file (absolute); absent for the built-in theme. */
  file?: string;
  /** Font files that replace bundled faces, by role (absolute paths); faces not named stay bundled Noto. */
  fonts: Partial<Record<FontRole, string>>;
  colors: ThemeColors;
  logo?: ThemeImage;
  /** Distribution banner printed at the top and foot of every page; the --banner flag overrides it. */
  banner?: string;
  /** SHA-256 over everything the theme changes in the output (files' bytes included), for fingerprints. */
  digest: string;
}

/** The built-in theme: greys that print the same on a black-and-white printer, bundled fonts, no logo. */
export const defaultColors: ThemeColors = {
  text: '#111111',
  muted: '#4a4a4a',
  accent: '#333333',
  link: '#1f3d66',
  boxBackground: '#eeeeee',
  rule: '#9a9a9a',
};

export const defaultTheme: Theme = { fonts: {}, colors: defaultColors, digest: digestOf(defaultColors, {}, undefined, undefined) };

const FACES = { regular: '', bold: 'Bold', italic: 'Italic', boldItalic: 'BoldItalic' } as const;
const FAMILIES = ['serif', 'sans'] as const;
const TOP_KEYS = ['fonts', 'colors', 'logo', 'banner'];
const COLOR_KEYS = Object.keys(defaultColors) as Array<keyof ThemeColors>;
/** The logo is drawn small: a bigger file only bloats every PDF. */
const MAX_LOGO_BYTES = 2 * 1024 * 1024;
export const MAX_BANNER_LENGTH = 160;

/** The theme in `path`, or the built-in theme when no path is given. Throws BriefwrightError(CONFIG) naming file, line and key. */
export function loadTheme(path: string | undefined): Theme {
  if (path === undefined) return defaultTheme;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    configError(path, undefined, `cannot read the theme file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseTheme(text, path);
}

/** Check a theme's text; `path` names the file in errors and anchors the relative paths inside it. */
export function parseTheme(text: string, path: string): Theme {
  const located = parseConfigText(text, path);
  const check = new Checker(path, located, dirname(resolve(path)), text);
  const top = located.data === null ? {} : check.record(located.data, [], 'a theme is a mapping of fonts, colors, logo and banner');
  check.keys(top, TOP_KEYS, []);

  const fonts: Partial<Record<FontRole, string>> = {};
  if (top['fonts'] != null) {
    const families = check.record(top['fonts'], ['fonts'], 'must map "serif" and/or "sans" to their faces');
    check.keys(families, FAMILIES, ['fonts']);
    for (const family of FAMILIES) {
      if (families[family] == null) continue;
      const faces = check.record(families[family], ['fonts', family], `must map faces (${Object.keys(FACES).join(', ')}) to font files`);
      check.keys(faces, Object.keys(FACES), ['fonts', family]);
      for (const [face, suffix] of Object.entries(FACES)) {
        if (faces[face] == null) continue;
        fonts[`${family}${suffix}` as FontRole] = check.fontFile(faces[face], ['fonts', family, face]);
      }
    }
  }

  const colors: ThemeColors = { ...defaultColors };
  if (top['colors'] != null) {
    const given = check.record(top['colors'], ['colors'], `must map colour names (${COLOR_KEYS.join(', ')}) to "#rrggbb"`);
    check.keys(given, COLOR_KEYS, ['colors']);
    for (const key of COLOR_KEYS) if (key in given) colors[key] = check.color(given[key], ['colors', key]);
  }

  const theme: Theme = { file: resolve(path), fonts, colors, digest: '' };
  if (top['logo'] != null) theme.logo = check.image(top['logo'], ['logo']);
  if (top['banner'] != null) theme.banner = check.banner(top['banner'], ['banner']);
  theme.digest = digestOf(colors, fonts, theme.logo, theme.banner);
  return theme;
}

/** Problems with a banner's text, or null when it is fine; shared with the --banner flag. */
export function bannerProblem(text: string): string | null {
  if (text.trim() === '') return 'must not be empty';
  if (/[\u0000-\u001f\u007f]/.test(text)) return 'must be a single line of text';
  if ([...text.trim()].length > MAX_BANNER_LENGTH) return `must be at most ${MAX_BANNER_LENGTH} characters`;
  return null;
}

type KeyPath = Array<string | number>;

/** Validation with errors as "<file>:<line>: <key>: <problem>". */
class Checker {
  constructor(
    private readonly path: string,
    private readonly located: LocatedData,
    private readonly base: string,
    private readonly text: string,
  ) {}

  fail(at: KeyPath, message: string, line = this.located.lineOf(at)): never {
    const key = at.join('.');
    return configError(this.path, line, key ? `${key}: ${message}` : message);
  }

  /** The line of the key itself (a key's value may start on a later line); only needed on errors. */
  private keyLine(at: KeyPath): number | undefined {
    const lineCounter = new LineCounter();
    const doc = parseDocument(this.text.replace(/^\uFEFF/, ''), { lineCounter });
    const parent = at.length > 1 ? doc.getIn(at.slice(0, -1), true) : doc.contents;
    const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === at[at.length - 1]) : undefined;
    const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    return start === undefined ? this.located.lineOf(at) : lineCounter.linePos(start).line;
  }

  record(value: unknown, at: KeyPath, message: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(at, message);
    return value as Record<string, unknown>;
  }

  keys(record: Record<string, unknown>, allowed: readonly string[], at: KeyPath): void {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.fail([...at, key], `unknown key (allowed here: ${allowed.join(', ')})`, this.keyLine([...at, key]));
    }
  }

  string(value: unknown, at: KeyPath, what: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(at, `must be ${what}, not ${describe(value)}`);
    return value.trim();
  }

  color(value: unknown, at: KeyPath): string {
    // In YAML an unquoted "#111111" is a comment, which leaves the key with no value.
    if (value === null) this.fail(at, 'has no value (quote colours: "#111111" — unquoted, # starts a YAML comment)');
    const text = this.string(value, at, 'a colour like "#1f3d66"');
    const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text);
    if (!m?.[1]) this.fail(at, `"${text}" is not a colour (use "#rrggbb" or "#rgb")`);
    const hex = m[1].toLowerCase();
    return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
  }

  /** A file named relative to the theme file, read whole. */
  file(value: unknown, at: KeyPath, what: string): { file: string; bytes: Buffer } {
    const given = this.string(value, at, `the path of ${what}`);
    const file = isAbsolute(given) ? given : resolve(this.base, given);
    try {
      return { file, bytes: readFileSync(file) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? String(error)})`;
      return this.fail(at, `${given} ${why} (looked for ${file})`);
    }
  }

  fontFile(value: unknown, at: KeyPath): string {
    const { file, bytes } = this.file(value, at, 'a TrueType or OpenType font');
    const tag = bytes.subarray(0, 4).toString('latin1');
    if (tag === 'wOFF' || tag === 'wOF2') this.fail(at, `${file} is a WOFF font, which pdfkit draws as invisible text: use the .ttf or .otf`);
    if (tag === 'ttcf') this.fail(at, `${file} is a font collection (.ttc): use a single .ttf or .otf`);
    if (tag !== '\u0000\u0001\u0000\u0000' && tag !== 'true' && tag !== 'OTTO') this.fail(at, `${file} is not a TrueType or OpenType font`);
    const problem = fontProblem(bytes);
    if (problem) this.fail(at, `${file} ${problem}`);
    return file;
  }

  image(value: unknown, at: KeyPath): ThemeImage {
    const { file, bytes } = this.file(value, at, 'a PNG or JPEG image');
    if (bytes.length > MAX_LOGO_BYTES) this.fail(at, `${file} is ${(bytes.length / 1048576).toFixed(1)} MB; use an image under 2 MB`);
    const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    if (!png && !jpeg) this.fail(at, `${file} is not a PNG or JPEG image`);
    let image: { width: number; height: number; colorSpace?: string };
    try {
      // openImage is pdfkit's (0.20) decoder, the one that will draw the logo; its types leave it out.
      const opener = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): typeof image };
      image = opener.openImage(bytes);
    } catch (error) {
      return this.fail(at, `${file} could not be read as an image (${error instanceof Error ? error.message : String(error)})`);
    }
    // The PDF declares sRGB as its output intent (PDF/A), which a CMYK image would contradict.
    if (image.colorSpace === 'DeviceCMYK') this.fail(at, `${file} is a CMYK JPEG; save it as RGB or greyscale`);
    if (!(image.width > 0 && image.height > 0)) this.fail(at, `${file} has no pixels`);
    return { file, bytes, width: image.width, height: image.height };
  }

  banner(value: unknown, at: KeyPath): string {
    if (typeof value !== 'string') this.fail(at, `must be text, not ${describe(value)}`);
    const problem = bannerProblem(value);
    if (problem) this.fail(at, problem);
    return value.trim();
  }
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

function digestOf(colors: ThemeColors, fonts: Partial<Record<FontRole, string>>, logo: ThemeImage | undefined, banner: string | undefined): string {
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const fontDigests = Object.entries(fonts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([role, file]) => [role, sha(readFileSync(file))]);
  const material = JSON.stringify({ colors, fonts: fontDigests, logo: logo ? sha(logo.bytes) : null, banner: banner ?? null });
  return createHash('sha256').update(material).digest('hex');
}
