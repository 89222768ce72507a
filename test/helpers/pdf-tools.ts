/** Check PDFs with the real tools a reader's machine has: poppler-utils (pdftotext, pdfinfo, pdffonts) and qpdf. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command and capture its output as UTF-8; throws if it cannot be started at all. */
export function runTool(command: string, args: string[]): ToolResult {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${command} could not be run (install poppler-utils and qpdf): ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Write bytes to a new temporary file and return its path. */
export function writeTempPdf(bytes: Uint8Array, name = 'brief.pdf'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'brief-pdf-')), name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * The text of a PDF (or of pages first..last), as pdftotext extracts it: in reading order by default,
 * `layout` keeps columns side by side, `raw` follows the order the text was drawn in.
 */
export function pdfText(file: string, options: { layout?: boolean; raw?: boolean; first?: number; last?: number } = {}): string {
  const args = [...(options.layout ? ['-layout'] : []), ...(options.raw ? ['-raw'] : [])];
  if (options.first !== undefined) args.push('-f', String(options.first));
  if (options.last !== undefined) args.push('-l', String(options.last));
  const r = runTool('pdftotext', [...args, '-enc', 'UTF-8', file, '-']);
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

/** The text of every page, in one pdftotext run (it ends each page with a form feed). */
export function pdfPages(file: string, options: { layout?: boolean } = {}): string[] {
  const pages = pdfText(file, options).split('\f');
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages;
}

/** pdfinfo's fields ("Title", "Pages", "Page size"…). */
export function pdfInfo(file: string): Record<string, string> {
  const r = runTool('pdfinfo', ['-enc', 'UTF-8', file]);
  if (r.status !== 0) throw new Error(`pdfinfo failed: ${r.stderr}`);
  const fields: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) fields[m[1].trim()] = m[2].trim();
  }
  return fields;
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The fonts pdffonts lists, one row each. */
export function pdfFonts(file: string): FontRow[] {
  const r = runTool('pdffonts', [file]);
  if (r.status !== 0) throw new Error(`pdffonts failed: ${r.stderr}`);
  // Columns after the name: type (may hold spaces), encoding, emb, sub, uni, object, generation.
  return r.stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      const [emb, sub, uni] = cells.slice(-5, -2);
      return { name: cells[0] ?? '', type: cells.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
}

/** qpdf's JSON view of every object: "obj:12 0 R" → its value. */
export function pdfObjects(file: string): Record<string, unknown> {
  const r = runTool('qpdf', ['--json=2', '--json-key=qpdf', file]);
  if (r.status !== 0) throw new Error(`qpdf --json failed: ${r.stderr}`);
  const parsed = JSON.parse(r.stdout) as { qpdf: [unknown, Record<string, { value?: unknown }>] };
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(parsed.qpdf[1])) out[key] = entry.value;
  return out;
}
