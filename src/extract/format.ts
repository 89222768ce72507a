/** `brief extract` output: JSON for scripts, plain text and Markdown for people. */
import { escapeInline as escapeMd } from '../render/markdown-escape.js';
import type { Extraction } from './index.js';

const META_FIELDS = ['title', 'outlet', 'published', 'author', 'url', 'lang'] as const;

/** The JSON of one extraction, metadata first (absent fields as null, so every key is always there). */
export function extractionRecord(x: Extraction): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of META_FIELDS) record[field] = x[field] ?? null;
  record['input'] = x.input;
  if (x.entry !== undefined) record['entry'] = x.entry;
  record['format'] = x.format;
  record['encoding'] = x.encoding;
  record['paragraphs'] = x.paragraphs;
  record['dropped'] = x.dropped;
  return record;
}

/** One extraction as JSON; several as a JSON array. */
export function extractionsJson(list: readonly Extraction[]): string {
  const records = list.map(extractionRecord);
  return `${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`;
}

/** Paragraphs as lines of text, the metadata above them, what was dropped below. */
export function extractionsText(list: readonly Extraction[]): string {
  return list
    .map((x) => {
      const head = META_FIELDS.filter((f) => x[f] !== undefined).map((f) => `${f}: ${x[f]}`);
      const body = x.paragraphs.map((p) => `[${p.index}${p.role === 'paragraph' ? '' : ` ${p.role}`}] ${p.text}`);
      const dropped = x.dropped.map((d) => `- (${d.stage}: ${d.rule}) ${oneLine(d.text)}`);
      return [
        `== ${x.input}${x.entry === undefined ? '' : ` entry ${x.entry}`} (${x.format}, ${x.encoding})`,
        ...head,
        '',
        ...body,
        ...(dropped.length > 0 ? ['', `dropped (${dropped.length}):`, ...dropped] : []),
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

/** Markdown: a heading per article, its paragraphs as written, dropped blocks in a list after a rule. */
export function extractionsMarkdown(list: readonly Extraction[]): string {
  return list
    .map((x) => {
      const head = META_FIELDS.filter((f) => f !== 'title' && x[f] !== undefined).map((f) => `- **${f}**: ${escapeMd(x[f]!)}`);
      const body = x.paragraphs.map((p) => (p.role === 'heading' ? `### ${escapeMd(p.text)}` : p.role === 'blockquote' ? `> ${escapeMd(p.text)}` : p.role === 'list-item' ? `- ${escapeMd(p.text)}` : escapeMd(p.text)));
      const dropped = x.dropped.map((d) => `- *${d.stage}: ${d.rule}* — ${escapeMd(oneLine(d.text))}`);
      return [
        `## ${escapeMd(x.title ?? 'Untitled')}`,
        '',
        `*${escapeMd(x.input)}${x.entry === undefined ? '' : `, entry ${x.entry}`}*`,
        '',
        ...(head.length > 0 ? [...head, ''] : []),
        body.join('\n\n'),
        ...(dropped.length > 0 ? ['', '---', '', `Dropped (${dropped.length}):`, '', ...dropped] : []),
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
