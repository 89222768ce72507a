/**
 * Markdown reader: YAML front matter for metadata, then a line-based block parser for the article body —
 * ATX and setext headings, paragraphs, list items, block quotes; inline syntax is stripped to plain text and
 * images become caption blocks holding their alt text. It reads news articles, not every CommonMark corner.
 */
import { parseDocument } from 'yaml';
import type { Block, BlockRole } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';
import { hasWords, makeBlock } from './blocks.js';
import { normalizeDate } from './dates.js';
import { htmlFragmentBlocks } from './html.js';
import { IMAGE, stripInline } from './markdown-inline.js';
import { fillMeta, findTextMetadata, type ArticleDraft } from './metadata.js';
import type { Reader } from './types.js';

/** Front-matter keys for each metadata field, best first. */
const FRONT_MATTER_KEYS = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'source', 'publisher', 'site', 'site_name', 'publication'],
  url: ['url', 'link', 'canonical', 'canonical_url', 'permalink'],
  published: ['published', 'date', 'published_at', 'publishedAt', 'pubdate', 'pubDate', 'datePublished'],
  author: ['author', 'authors', 'byline', 'by'],
  lang: ['lang', 'language', 'locale'],
} as const;

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+/;
const HTML_BLOCK = /^ {0,3}<(?:p|div|figure|figcaption|blockquote|ul|ol|table|h[1-6]|section|article|aside)\b/i;

/** Read a Markdown article: front matter, then body blocks, then the text finders for what is still missing. */
export const readMarkdown: Reader = ({ path, text, referenceDate }) => {
  const warnings: Warning[] = [];
  const draft: ArticleDraft = { meta: {}, metaOrigin: {}, blocks: [] };
  let body = text;
  let bodyLine = 1;
  const front = FRONT_MATTER.exec(text);
  if (front) {
    readFrontMatter(front[1] ?? '', draft, referenceDate, path, warnings);
    body = text.slice(front[0].length);
    bodyLine = 1 + (front[0].match(/\n/g)?.length ?? 0);
  }
  const { blocks, title } = markdownBlocks(body, bodyLine);
  draft.blocks = blocks;
  fillMeta(draft, 'title', title, 'heading');
  findTextMetadata(draft, referenceDate);
  if (draft.blocks.length === 0) return { articles: [], warnings };
  return { articles: [{ format: 'markdown', ...draft }], warnings };
};

function readFrontMatter(yaml: string, draft: ArticleDraft, referenceDate: string, path: string, warnings: Warning[]): void {
  const doc = parseDocument(yaml);
  const error = doc.errors[0];
  const data: unknown = error ? undefined : doc.toJS();
  if (error || data === null || typeof data !== 'object' || Array.isArray(data)) {
    // An article with broken front matter is still an article; only its declared metadata is lost.
    const line = 1 + (error?.linePos?.[0].line ?? 0);
    warnings.push(
      warning('metadata-missing', 'ingest', 'front matter is not a YAML mapping; its fields were ignored', {
        source: path,
        position: { line },
        text: error?.message ?? yaml,
      }),
    );
    return;
  }
  const record = data as Record<string, unknown>;
  for (const [field, keys] of Object.entries(FRONT_MATTER_KEYS) as [keyof typeof FRONT_MATTER_KEYS, readonly string[]][]) {
    for (const key of keys) {
      let value = scalarText(record[key]);
      if (value === undefined) continue;
      if (field === 'published') value = normalizeDate(value, referenceDate);
      fillMeta(draft, field, value, 'front-matter');
    }
  }
}

/** A front-matter value as text: strings, numbers, dates, a list of names, or a `{ name }` object. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const parts = value.map(scalarText).filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (value !== null && typeof value === 'object') return scalarText((value as Record<string, unknown>)['name']);
  return undefined;
}

interface Pending {
  lines: string[];
  role: BlockRole;
  line: number;
}

/** Parse a Markdown body into blocks; `title` is the first level-1 heading, else a heading that opens the body. */
export function markdownBlocks(body: string, firstLine = 1): { blocks: Block[]; title?: string } {
  const blocks: Block[] = [];
  let title: string | undefined;
  let pending: Pending | undefined;
  let fence: string | undefined;

  const flush = (): void => {
    if (pending) blocks.push(...finishBlock(pending));
    pending = undefined;
  };
  const add = (text: string, role: BlockRole, line: number): void => {
    if (pending && pending.role === role && role !== 'list-item') pending.lines.push(text);
    else {
      flush();
      pending = { lines: [text], role, line };
    }
  };

  body.split('\n').forEach((raw, i) => {
    const line = firstLine + i;
    if (fence !== undefined) {
      // Code is kept as written: the cleaner decides whether it belongs to the story.
      if (raw.trim().startsWith(fence)) fence = undefined;
      else if (raw.trim()) add(raw.trim(), 'paragraph', line);
      return;
    }
    const fenceOpen = FENCE.exec(raw);
    if (fenceOpen?.[1]) {
      flush();
      fence = fenceOpen[1].slice(0, 3);
      return;
    }
    // Setext underline (checked before thematic breaks, as CommonMark does): the paragraph above is a heading.
    if (pending?.role === 'paragraph' && /^ {0,3}(=+|-+)[ \t]*$/.test(raw)) {
      const text = stripInline(pending.lines.join('\n'));
      if (raw.trim().startsWith('=') && title === undefined) title = text;
      if (hasWords(text)) blocks.push(makeBlock(text, 'heading', pending.line));
      pending = undefined;
      return;
    }
    if (raw.trim() === '' || THEMATIC_BREAK.test(raw) || LINK_DEFINITION.test(raw) || /^\s*<!--.*-->\s*$/.test(raw)) {
      flush();
      return;
    }
    const atx = ATX.exec(raw);
    if (atx) {
      flush();
      const text = stripInline(atx[2] ?? '');
      if (atx[1] === '#' && title === undefined) title = text;
      if (hasWords(text)) blocks.push(makeBlock(text, 'heading', line));
      return;
    }
    const quote = QUOTE.exec(raw);
    if (quote) {
      if (quote[1]?.trim()) add(quote[1], 'blockquote', line);
      else flush();
      return;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      add(item[1] ?? '', 'list-item', line);
      return;
    }
    // Other lines continue the open block (lazy continuation), or start a paragraph.
    if (pending) pending.lines.push(raw.trim());
    else add(raw.trim(), 'paragraph', line);
  });
  flush();

  const first = blocks[0];
  if (title === undefined && first?.role === 'heading') title = first.text;
  return title === undefined ? { blocks } : { blocks, title };
}

/** A finished paragraph: HTML blocks read as HTML, images split out as captions, inline syntax stripped. */
function finishBlock(pending: Pending): Block[] {
  const raw = pending.lines.join('\n');
  if (HTML_BLOCK.test(raw)) {
    return htmlFragmentBlocks(raw).map((b) => makeBlock(b.text, b.role, pending.line));
  }
  const images = [...raw.matchAll(IMAGE)];
  const captions = images
    .map((m) => stripInline(m[1] ?? ''))
    .filter(hasWords)
    .map((alt) => makeBlock(alt, 'caption', pending.line));
  // The image leaves no gap before the punctuation that followed it.
  const text = stripInline(raw.replace(new RegExp(`[ \\t]*${IMAGE.source}[ \\t]*(?=[.,;:!?])`, 'g'), '').replace(IMAGE, ' '));
  if (!hasWords(text)) return captions;
  const paragraph = makeBlock(text, pending.role, pending.line);
  // A picture opening the paragraph comes before it in reading order; one inside or after it, after.
  return images[0]?.index === 0 ? [...captions, paragraph] : [paragraph, ...captions];
}
