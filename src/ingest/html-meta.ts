/**
 * Metadata an HTML page declares: Open Graph / Twitter / article:* meta tags (as `property=` or `name=`),
 * schema.org JSON-LD, <title>, canonical link, <time datetime>, <html lang>, and the first <h1> as a last
 * resort for the title. The title loses a " | Outlet" suffix when it names the site.
 */
import type { MetaOrigin, SourceMeta } from '../model/source.js';
import { collapseWhitespace } from './blocks.js';
import { normalizeDate } from './dates.js';
import { all, type DomDocument } from './dom.js';
import { fillMeta, splitSiteName, type ArticleDraft } from './metadata.js';

/** Meta keys for each field, best first. Keys are compared lower-cased. */
const META_KEYS = {
  title: ['og:title', 'twitter:title', 'dc.title'],
  outlet: ['og:site_name', 'application-name', 'publisher', 'dc.publisher'],
  url: ['og:url', 'twitter:url'],
  published: [
    'article:published_time', 'og:published_time', 'published_time', 'datepublished', 'date', 'pubdate',
    'publishdate', 'publish-date', 'publish_date', 'dc.date.issued', 'dc.date', 'dcterms.created',
    'sailthru.date', 'parsely-pub-date', 'article.published',
  ],
  author: ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author'],
} as const;

/** What the page declares about itself. */
export function htmlMetadata(doc: DomDocument, referenceDate: string): { meta: SourceMeta; metaOrigin: MetaOrigin } {
  const draft: ArticleDraft = { meta: {}, metaOrigin: {}, blocks: [] };
  const metas = metaTags(doc);
  const ld = jsonLdArticle(doc);
  const first = (keys: readonly string[]): string | undefined => keys.map((k) => metas.get(k)).find((v) => v);

  fillMeta(draft, 'outlet', first(META_KEYS.outlet), 'html-meta');
  fillMeta(draft, 'outlet', nameOf(ld?.publisher), 'json-ld');

  const pageTitle = doc.querySelector('title')?.textContent ?? undefined;
  const h1 = collapseWhitespace(doc.querySelector('h1')?.textContent ?? '') || undefined;
  const candidates = [
    [first(META_KEYS.title), 'html-meta'],
    [stringOf(ld?.headline), 'json-ld'],
    [pageTitle, 'html-title'],
    [h1, 'h1'],
  ] as const;
  for (const [candidate, origin] of candidates) {
    if (candidate === undefined || collapseWhitespace(candidate) === '') continue;
    const { title, site } = splitSiteName(collapseWhitespace(candidate), draft.meta.outlet, h1);
    fillMeta(draft, 'title', title, origin);
    fillMeta(draft, 'outlet', site, 'title-suffix');
    break;
  }

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const urls = [[first(META_KEYS.url), 'html-meta'], [canonical, 'canonical-link'], [stringOf(ld?.url), 'json-ld']] as const;
  // Only absolute addresses: a relative canonical link means nothing once the page is saved to disk.
  const url = urls.find(([value]) => value !== undefined && /^https?:\/\//i.test(value.trim()));
  if (url) fillMeta(draft, 'url', url[0], url[1]);

  const dates: [string | undefined, string][] = [
    ...META_KEYS.published.map((k): [string | undefined, string] => [metas.get(k), 'html-meta']),
    [stringOf(ld?.datePublished), 'json-ld'],
    [timeElementDate(doc), 'time-element'],
  ];
  for (const [value, origin] of dates) {
    if (value) fillMeta(draft, 'published', normalizeDate(value, referenceDate), origin);
  }

  const author = first(META_KEYS.author);
  fillMeta(draft, 'author', author && !/^https?:/i.test(author) ? author : undefined, 'html-meta');
  fillMeta(draft, 'author', namesOf(ld?.author), 'json-ld');

  const lang = doc.documentElement?.getAttribute('lang') ?? metas.get('og:locale')?.replace('_', '-');
  fillMeta(draft, 'lang', lang, 'html-meta');
  return { meta: draft.meta, metaOrigin: draft.metaOrigin };
}

/** All <meta> tags as key → content, keyed by `property`, `name` or `itemprop` (first occurrence wins). */
function metaTags(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of all(doc, 'meta')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

type LdObject = Record<string, unknown>;

/** The first schema.org Article-like object in the page's JSON-LD, following @graph and arrays. */
function jsonLdArticle(doc: DomDocument): LdObject | undefined {
  const found: LdObject[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') {
      const obj = value as LdObject;
      found.push(obj);
      if (obj['@graph'] !== undefined) collect(obj['@graph']);
    }
  };
  for (const script of all(doc, 'script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common on real pages; the meta tags still count.
    }
  }
  const types = (obj: LdObject): string[] => [obj['@type']].flat().map(String);
  return found.find((obj) => types(obj).some((t) => /Article$|^BlogPosting$|^Report$/.test(t)));
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return stringOf(value[0]);
  return undefined;
}

/** `"Outlet"` or `{ "name": "Outlet" }`. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value !== null && typeof value === 'object') return stringOf((value as LdObject)['name']);
  return undefined;
}

/** One or several authors as "A, B". */
function namesOf(value: unknown): string | undefined {
  const names = [value].flat().map(nameOf).filter((n): n is string => !!n && !/^https?:/i.test(n));
  return names.length > 0 ? names.join(', ') : undefined;
}

/** The `datetime` of the publication <time>: one marked pubdate/datePublished, else the first in an article, else the first. */
function timeElementDate(doc: DomDocument): string | undefined {
  const marked = doc.querySelector('time[pubdate][datetime], time[itemprop="datePublished"][datetime]');
  const inArticle = doc.querySelector('article time[datetime]');
  const any = doc.querySelector('time[datetime]');
  return (marked ?? inArticle ?? any)?.getAttribute('datetime') ?? undefined;
}
