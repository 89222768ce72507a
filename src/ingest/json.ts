/**
 * JSON reader: one article object, an array of them, or a news-API style `{ "articles": [...] }` list.
 * Field names vary between APIs, so each metadata field has a short list of accepted keys. An entry with no
 * text is reported and skipped; the other entries still come through, numbered from 1 in `entry`.
 */
import type { Block } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';
import { collapseWhitespace, makeBlock } from './blocks.js';
import { normalizeDate } from './dates.js';
import { htmlFragmentBlocks } from './html.js';
import { fillMeta, findTextMetadata, splitSiteName, type ArticleDraft } from './metadata.js';
import { textBlocks } from './text.js';
import type { Article, Reader } from './types.js';

/** Keys that hold a list of articles in a wrapper object. */
const LIST_KEYS = ['articles', 'items', 'results', 'data', 'entries', 'stories', 'news', 'posts', 'documents'];

/** Keys for each field, best first. */
const KEYS = {
  title: ['title', 'headline'],
  body: ['content', 'body', 'text', 'articleBody', 'article', 'fullText', 'full_text', 'story'],
  lead: ['description', 'summary', 'abstract', 'standfirst', 'lede', 'excerpt'],
  url: ['url', 'link', 'canonical_url', 'canonicalUrl', 'webUrl', 'web_url'],
  published: ['publishedAt', 'published_at', 'published', 'pubDate', 'datePublished', 'webPublicationDate', 'publication_date', 'date'],
  outlet: ['outlet', 'source', 'publisher', 'site_name', 'siteName', 'source_name', 'sourceName'],
  author: ['author', 'authors', 'byline', 'creator'],
  lang: ['language', 'lang'],
} as const;

/** News APIs cut `content` and append "… [+1234 chars]"; the marker is not text. */
const TRUNCATION_MARKER = /\s*(?:…|\.\.\.)?\s*\[\+\d+\s*chars?\]\s*$/i;

/** Markup in a text field: read it as HTML. */
const HAS_MARKUP = /<(?:p|div|br|h[1-6]|ul|ol|li|blockquote|figure|span|a|strong|em|b|i)\b[^>]*>/i;

type Json = Record<string, unknown>;

/** Read a JSON file of one or more articles. */
export const readJson: Reader = ({ path, text, referenceDate }) => {
  const warnings: Warning[] = [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    return { articles: [], warnings: [warning('input-rejected', 'ingest', reason, { source: path })] };
  }
  const { items, isList } = articleItems(value);
  if (items.length === 0) {
    const reason = 'JSON holds no article: expected an object with title/content fields, an array of them, or { "articles": [...] }';
    return { articles: [], warnings: [warning('input-rejected', 'ingest', reason, { source: path })] };
  }
  const articles: Article[] = [];
  items.forEach((item, i) => {
    const entry = isList ? i + 1 : undefined;
    const article = item !== null && typeof item === 'object' && !Array.isArray(item) ? jsonArticle(item as Json, referenceDate) : undefined;
    if (!article || article.blocks.length === 0) {
      const reason = article ? 'entry has no text (no content, body or description)' : 'entry is not an article object';
      warnings.push(warning('input-rejected', 'ingest', reason, entry === undefined ? { source: path } : { source: path, position: { entry } }));
      return;
    }
    articles.push(entry === undefined ? article : { ...article, entry });
  });
  return { articles, warnings };
};

/** The article objects in a parsed file, and whether the file is a list (so entries get numbers). */
function articleItems(value: unknown): { items: unknown[]; isList: boolean } {
  if (Array.isArray(value)) return { items: value, isList: true };
  if (value === null || typeof value !== 'object') return { items: [], isList: false };
  const obj = value as Json;
  for (const key of LIST_KEYS) {
    const list = obj[key];
    if (Array.isArray(list)) return { items: list, isList: true };
  }
  const articleLike = [...KEYS.title, ...KEYS.body, ...KEYS.lead].some((k) => typeof obj[k] === 'string');
  return articleLike ? { items: [obj], isList: false } : { items: [], isList: false };
}

/** One JSON object → an article (blocks may be empty: the caller reports that). */
function jsonArticle(obj: Json, referenceDate: string): Article {
  const draft: ArticleDraft = { meta: {}, metaOrigin: {}, blocks: [] };
  const first = (keys: readonly string[]): string | undefined =>
    keys.map((k) => textOf(obj[k])).find((v) => v !== undefined && v.trim() !== '');

  fillMeta(draft, 'outlet', first(KEYS.outlet), 'json');
  const title = first(KEYS.title);
  // News APIs copy the page title, outlet suffix included ("Headline - Outlet").
  fillMeta(draft, 'title', title && splitSiteName(collapseWhitespace(title), draft.meta.outlet).title, 'json');
  fillMeta(draft, 'url', first(KEYS.url), 'json');
  const published = first(KEYS.published);
  fillMeta(draft, 'published', published && normalizeDate(published, referenceDate), 'json');
  fillMeta(draft, 'author', first(KEYS.author), 'json');
  fillMeta(draft, 'lang', first(KEYS.lang), 'json');

  const body = first(KEYS.body)?.replace(TRUNCATION_MARKER, '');
  const lead = first(KEYS.lead);
  const bodyBlocks = body ? blocksOf(body) : [];
  // The description is usually the standfirst; skip it when the content already opens with it.
  const leadBlocks = lead && !(body && startsWithSame(body, lead)) ? blocksOf(lead) : [];
  draft.blocks = [...leadBlocks, ...bodyBlocks];
  findTextMetadata(draft, referenceDate);
  return { format: 'json', ...draft };
}

/**
 * A field value as text: strings and numbers, a list of names, or a `{ name }` object (news-API `source`),
 * a list of those at most: deeper nesting is no field a person wrote, and is not walked.
 */
function textOf(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (depth >= MAX_FIELD_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map((v) => textOf(v, depth + 1)).filter((v): v is string => v !== undefined && v.trim() !== '');
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (value !== null && typeof value === 'object') return textOf((value as Json)['name'], depth + 1);
  return undefined;
}

/** How deep a field's value is looked into: `[{ "name": "…" }]` is two levels. */
const MAX_FIELD_DEPTH = 3;

/** Text of a field as blocks: HTML when it holds markup, else plain-text paragraphs (line numbers dropped: they are not file lines). */
function blocksOf(text: string): Block[] {
  const blocks = HAS_MARKUP.test(text) ? htmlFragmentBlocks(text) : textBlocks(text.replace(/\r\n?/g, '\n'));
  return blocks.map((b) => makeBlock(b.text, b.role));
}

/** Does the body open with the lead's words? Compared on letters and digits only, over the first 80. */
function startsWithSame(body: string, lead: string): boolean {
  const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 80);
  const b = key(body);
  const l = key(lead);
  return l.length > 0 && (b.startsWith(l) || l.startsWith(b));
}
