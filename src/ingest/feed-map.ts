/**
 * feedsmith's objects (one shape per format) → one shape for every feed: each entry's raw fields picked in
 * order of preference, links already resolved. Text is still HTML here; feed.ts makes it plain.
 */
import type { AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { baseUrl, httpUrl, nonEmpty, textToHtml } from './feed-text.js';

/** One entry's fields as the feed gives them. */
export interface RawEntry {
  /**
   * The title, read as HTML whatever the feed declares: titles marked as text often hold escaped markup,
   * and a title that means a literal "<b>" is rarer than one that means bold.
   */
  title?: string;
  url?: string;
  /** The first date field present, as written. */
  date?: string;
  /** Author names, HTML or plain. */
  authors: string[];
  /** Body or summary as HTML. */
  html?: string;
  /** True when `html` came from a full-content field rather than a summary. */
  full: boolean;
}

export interface RawFeed {
  title?: string;
  link?: string;
  entries: RawEntry[];
}

type AtomText = { value?: string; type?: string; src?: string } | undefined;

export function mapRss(feed: RssFeed.Feed<string>): RawFeed {
  const link = httpUrl(feed.link, baseUrl(feed.xml?.base)) ?? alternate(feed.atom?.links, feed.xml?.base);
  const feedBase = baseUrl(feed.xml?.base, link);
  const entries = (feed.items ?? []).map((item): RawEntry => {
    const base = baseUrl(item.xml?.base, feedBase);
    // A guid is the item's address unless the feed says it is not (isPermaLink="false").
    const guid = item.guid?.isPermaLink === false ? undefined : item.guid?.value;
    const body = bodyOf(item.content?.encoded, item.description, item.media?.description);
    return {
      ...optional('title', item.title ?? item.dc?.titles?.[0] ?? item.media?.title?.value),
      ...optional('url', httpUrl(item.link, base) ?? alternate(item.atom?.links, base) ?? httpUrl(guid, base)),
      ...optional('date', first(item.pubDate, item.dc?.dates?.[0], ...dctermsDates(item.dcterms), item.atom?.published, item.atom?.updated)),
      authors: names(item.dc?.creators ?? item.authors?.map((a) => a.name ?? a.email)),
      ...body,
    };
  });
  return { ...optional('title', feed.title ?? feed.dc?.titles?.[0]), ...optional('link', link), entries };
}

export function mapRdf(feed: RdfFeed.Feed<string>): RawFeed {
  const link = httpUrl(feed.link, baseUrl(feed.xml?.base));
  const feedBase = baseUrl(feed.xml?.base, link);
  const entries = (feed.items ?? []).map((item): RawEntry => {
    const base = baseUrl(item.xml?.base, feedBase);
    return {
      ...optional('title', item.title ?? item.dc?.titles?.[0] ?? item.media?.title?.value),
      ...optional('url', httpUrl(item.link, base) ?? httpUrl(item.rdf?.about, base)),
      ...optional('date', first(item.dc?.dates?.[0], ...dctermsDates(item.dcterms))),
      authors: names(item.dc?.creators),
      ...bodyOf(item.content?.encoded, item.description, item.media?.description),
    };
  });
  return { ...optional('title', feed.title ?? feed.dc?.titles?.[0]), ...optional('link', link), entries };
}

export function mapAtom(feed: AtomFeed.Feed<string>): RawFeed {
  const link = alternate(feed.links, baseUrl(feed.xml?.base));
  const feedBase = baseUrl(feed.xml?.base, link);
  // An entry without authors has the feed's (RFC 4287, 4.2.1).
  const feedAuthors = names(feed.authors?.map((a) => a.name));
  const entries = (feed.entries ?? []).map((entry): RawEntry => {
    const base = baseUrl(entry.xml?.base, feedBase);
    const content = atomHtml(entry.content);
    const summary = atomHtml(entry.summary);
    const authors = names(entry.authors?.map((a) => a.name) ?? entry.dc?.creators);
    return {
      ...optional('title', nonEmpty(entry.title?.value) ?? entry.media?.title?.value),
      ...optional('url', alternate(entry.links, base)),
      ...optional('date', first(entry.published, entry.updated, entry.dc?.dates?.[0], ...dctermsDates(entry.dcterms))),
      authors: authors.length > 0 ? authors : feedAuthors,
      ...(content !== undefined ? { html: content, full: true } : { ...optional('html', summary), full: false }),
    };
  });
  return { ...optional('title', feed.title?.value), ...optional('link', link), entries };
}

export function mapJson(feed: JsonFeed.Feed<string>): RawFeed {
  const link = httpUrl(feed.home_page_url);
  const feedBase = baseUrl(link, feed.feed_url);
  const feedAuthors = names(feed.authors?.map((a) => a.name));
  const entries = (feed.items ?? []).map((item): RawEntry => {
    const authors = names(item.authors?.map((a) => a.name));
    const content = nonEmpty(item.content_html) ?? textToHtml(item.content_text ?? '');
    const summary = textToHtml(item.summary ?? '');
    return {
      ...optional('title', item.title),
      ...optional('url', httpUrl(item.url, feedBase) ?? httpUrl(item.external_url, feedBase)),
      ...optional('date', first(item.date_published, item.date_modified)),
      authors: authors.length > 0 ? authors : feedAuthors,
      ...(content !== undefined ? { html: content, full: true } : { ...optional('html', summary), full: false }),
    };
  });
  return { ...optional('title', feed.title), ...optional('link', link), entries };
}

/** RSS/RDF body: content:encoded is the full text; description, or Media RSS's, a summary. */
function bodyOf(encoded: string | undefined, description: string | undefined, media: AtomText): Pick<RawEntry, 'html' | 'full'> {
  const full = nonEmpty(encoded);
  if (full !== undefined) return { html: full, full: true };
  return { ...optional('html', nonEmpty(description) ?? atomHtml(media)), full: false };
}

/** An Atom text construct or content as HTML: "html" and "xhtml" are markup already, text is escaped. */
function atomHtml(text: AtomText): string | undefined {
  if (text === undefined || text.src !== undefined || text.value === undefined) return undefined;
  const type = (text.type ?? 'text').toLowerCase();
  if (type === 'html' || type === 'xhtml' || type.endsWith('/html') || type.endsWith('+xml')) return nonEmpty(text.value);
  // Other media types (base64 images, PDFs) are no text to read.
  return type === 'text' || type.startsWith('text/') ? textToHtml(text.value) : undefined;
}

/** The alternate link (rel absent or "alternate", HTML preferred), else the first link, resolved. */
function alternate(links: { href?: string; rel?: string; type?: string }[] | undefined, base: string | undefined): string | undefined {
  if (!links || links.length === 0) return undefined;
  const alternates = links.filter((l) => l.rel === undefined || l.rel === 'alternate');
  const chosen = alternates.find((l) => l.type === undefined || /html/i.test(l.type)) ?? alternates[0] ?? links[0];
  return httpUrl(chosen?.href, base);
}

function dctermsDates(dcterms: { issued?: string[]; created?: string[]; modified?: string[] } | undefined): (string | undefined)[] {
  return [dcterms?.issued?.[0], dcterms?.created?.[0], dcterms?.modified?.[0]];
}

function first(...values: (string | undefined)[]): string | undefined {
  return values.map(nonEmpty).find((v) => v !== undefined);
}

function names(values: (string | undefined)[] | undefined): string[] {
  return (values ?? []).map(nonEmpty).filter((v): v is string => v !== undefined);
}

/** `{ key: value }` when the value is defined, else `{}`: keeps absent fields absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
