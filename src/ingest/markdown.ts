/**
 * Markdown reader: YAML front matter for metadata, then the body parsed by markdown-it into blocks —
 * headings, paragraphs, list items, block quotes, table cells; inline syntax becomes plain text, images
 * become caption blocks holding their alt text, and raw HTML blocks are read as HTML.
 */
import MarkdownIt from 'markdown-it';
import { parseDocument } from 'yaml';
import { yamlData } from '../config/yaml-file.js';
import type { Block, BlockRole } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';
import { hasWords, makeBlock } from './blocks.js';
import { normalizeDate } from './dates.js';
import { htmlFragmentBlocks } from './html.js';
import { fillMeta, findTextMetadata, type ArticleDraft } from './metadata.js';
import type { Reader } from './types.js';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

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
  const read = error ? undefined : yamlData(doc);
  const data = read && 'value' in read ? read.value : undefined;
  if (error || data === null || typeof data !== 'object' || Array.isArray(data)) {
    // An article with broken front matter is still an article; only its declared metadata is lost.
    const line = 1 + (error?.linePos?.[0].line ?? 0);
    warnings.push(
      warning('metadata-missing', 'ingest', 'front matter is not a YAML mapping; its fields were ignored', {
        source: path,
        position: { line },
        text: error?.message ?? (read && 'error' in read ? read.error : yaml),
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
function scalarText(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  // `[{ name: … }]` is two levels: deeper nesting is no field a person wrote, and is not walked.
  if (depth >= 3) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map((v) => scalarText(v, depth + 1)).filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (value !== null && typeof value === 'object') return scalarText((value as Record<string, unknown>)['name'], depth + 1);
  return undefined;
}

/**
 * The parser: CommonMark with GitHub's strikethrough and tables, raw HTML allowed (it is read as HTML).
 * markdown-it is linear on the inputs hand-written patterns backtrack on (long runs of `*`, `_`, `` ` ``, `[`).
 */
const markdown = new MarkdownIt('default', { html: true, linkify: false });

/** Block tokens that open a block of text, and the role their text takes. */
const ROLE_OF_BLOCK: Record<string, BlockRole> = { paragraph_open: 'paragraph', heading_open: 'heading', th_open: 'paragraph', td_open: 'paragraph' };

/** Parse a Markdown body into blocks; `title` is the first level-1 heading, else a heading that opens the body. */
export function markdownBlocks(body: string, firstLine = 1): { blocks: Block[]; title?: string } {
  const blocks: Block[] = [];
  let title: string | undefined;
  // Roles that paragraphs inside them take: a paragraph in a quote is quoted text, one in a list an item.
  const containers: BlockRole[] = [];
  let open: { role: BlockRole; line: number; level: number } | undefined;
  for (const token of markdown.parse(capNesting(body), {})) {
    const line = firstLine + (token.map?.[0] ?? 0);
    if (token.type === 'blockquote_open') containers.push('blockquote');
    else if (token.type === 'list_item_open') containers.push('list-item');
    else if (token.type === 'blockquote_close' || token.type === 'list_item_close') containers.pop();
    else if (Object.hasOwn(ROLE_OF_BLOCK, token.type)) {
      const own = ROLE_OF_BLOCK[token.type]!;
      open = { role: own === 'paragraph' ? (containers.at(-1) ?? own) : own, line, level: Number(token.tag.slice(1)) || 0 };
    } else if (token.type === 'inline' && open) {
      const found = inlineBlocks(token.children ?? [], open.role, open.line);
      if (open.role === 'heading' && open.level === 1 && title === undefined && found[0]) title = found[0].text;
      blocks.push(...found);
      open = undefined;
    } else if (token.type === 'fence' || token.type === 'code_block') {
      // Code is kept as written: the cleaner decides whether it belongs to the story.
      const text = token.content.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
      if (hasWords(text)) blocks.push(makeBlock(text, 'paragraph', line));
    } else if (token.type === 'html_block') {
      blocks.push(...htmlFragmentBlocks(token.content).map((b) => makeBlock(b.text, b.role, line)));
    }
  }
  const first = blocks[0];
  if (title === undefined && first?.role === 'heading') title = first.text;
  return title === undefined ? { blocks } : { blocks, title };
}

/** Quote markers and indentation a line keeps at most: deeper than any article, well inside markdown-it's limit. */
const MAX_QUOTE_MARKERS = 32;
const MAX_INDENT = 64;

/**
 * Block structure cut back to a depth articles never reach. markdown-it stops reading, and drops the text,
 * past its nesting limit (100 levels), which "> > > …" or a list indented hundreds of spaces exceed.
 */
function capNesting(body: string): string {
  return body
    .replace(/^(?:[ \t]*>){33,}/gm, '>'.repeat(MAX_QUOTE_MARKERS))
    .replace(new RegExp(`^[ \\t]{${MAX_INDENT + 1},}`, 'gm'), ' '.repeat(MAX_INDENT));
}

/** Stands where an image was while the text around it is joined (U+FFFC OBJECT REPLACEMENT CHARACTER). */
const IMAGE_MARK = '\uFFFC';

/** A block's inline tokens as plain text, with its images split out as caption blocks holding their alt text. */
function inlineBlocks(children: Token[], role: BlockRole, line: number): Block[] {
  const captions: Block[] = [];
  let text = '';
  let imageFirst = false;
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak') text += ' ';
    else if (child.type === 'hardbreak') text += '\n';
    else if (child.type === 'html_inline' && /^<br\s*\/?>$/i.test(child.content)) text += '\n';
    else if (child.type === 'image') {
      if (text.trim() === '') imageFirst = true;
      const alt = plainText(child.content);
      if (hasWords(alt)) captions.push(makeBlock(alt, 'caption', line));
      text += IMAGE_MARK;
    }
  }
  // The image leaves no gap before the punctuation that followed it.
  const plain = plainText(text.replace(/[ \t]*\uFFFC[ \t]*(?=[.,;:!?])/g, '').replaceAll(IMAGE_MARK, ' '));
  if (!hasWords(plain)) return captions;
  const paragraph = makeBlock(plain, role, line);
  // A picture opening the paragraph comes before it in reading order; one inside or after it, after.
  return imageFirst ? [...captions, paragraph] : [paragraph, ...captions];
}

/** Inline text tidied: a reference link with no definition keeps its words; spaces collapsed, line breaks kept. */
function plainText(text: string): string {
  return text
    .replace(/\[([^[\]\n]{1,300})\]\[[^[\]\n]{0,100}\]/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}
