/**
 * Inputs that are not plain files: URLs, fetched at the edge (fetch/), and feeds, whose items become
 * inputs of their own. What comes out is bytes for the same sniffing and readers as any file, with the
 * feed's metadata for each item beside them (it fills what the page does not say itself).
 */
import pMap from 'p-map';
import { sha256 } from '../durable.js';
import type { SourceMeta } from '../model/source.js';
import { warning, type Warning } from '../model/warning.js';
import { decode } from './decode.js';
import { parseFeed, looksLikeFeed, FEED_SNIFF_BYTES, type FeedItem } from './feed.js';
import { escapeHtml } from './feed-text.js';
import { fetchUrl, type FetchOptions } from './fetch/index.js';
import { BriefwrightError } from '../errors.js';

/** One article's bytes, wherever they came from. */
export interface LoadedInput {
  /** Path or URL as the user will recognise it. */
  display: string;
  /** Local file path, for sources.json/yaml overrides; absent for fetched inputs. */
  absolute?: string;
  bytes: Uint8Array;
  /** Item number inside a feed whose item carried its own full text. */
  entry?: number;
  /** Hash of what was read or fetched, when the bytes above were made from it (a feed item's page). */
  sha256?: string;
  /** What a feed said of the item: used where the article says nothing itself. */
  feedMeta?: SourceMeta;
}

export interface RemoteOptions {
  /** How URLs are fetched; absent when nothing may be fetched. */
  fetch: FetchOptions;
  /** Feed items published before this instant (ms since the epoch) are left out. */
  sinceMs?: number;
}

/** Fetch a URL into inputs: one page, or a feed's items. A failure is a warning naming the URL. */
export async function loadUrl(url: string, options: RemoteOptions): Promise<{ inputs: LoadedInput[]; warnings: Warning[] }> {
  try {
    const fetched = await fetchUrl(url, options.fetch);
    return await expandIfFeed({ display: url, bytes: fetched.bytes }, options);
  } catch (error) {
    return { inputs: [], warnings: [rejected(url, error)] };
  }
}

/** A feed's items as inputs; anything else passes through unchanged. */
export async function expandIfFeed(input: LoadedInput, options: RemoteOptions): Promise<{ inputs: LoadedInput[]; warnings: Warning[] }> {
  // Every file passes here: only its head is decoded to tell a feed, the rest only when it is one.
  const head = decode(input.bytes.subarray(0, FEED_SNIFF_BYTES));
  if (!head.ok || !looksLikeFeed(head.text)) return { inputs: [input], warnings: [] };
  const decoded = decode(input.bytes);
  if (!decoded.ok) return { inputs: [input], warnings: [] };
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(decoded.text, { path: input.display });
  } catch (error) {
    return { inputs: [], warnings: [rejected(input.display, error)] };
  }
  const warnings = [...feed.warnings];
  const feedHash = sha256(input.bytes);
  const recent = options.sinceMs === undefined ? feed.items : feed.items.filter((item) => publishedSince(item, options.sinceMs!));
  const tooOld = feed.items.length - recent.length;
  // Teaser pages are fetched a few at a time; the results keep the feed's order, so the brief does not depend
  // on which server answered first.
  const read = await pMap(recent, (item) => readItem(item, input, feed.title, feedHash, options), { concurrency: TEASER_FETCHES });
  const inputs: LoadedInput[] = [];
  for (const r of read) {
    if (r.input) inputs.push(r.input);
    warnings.push(...r.warnings);
  }
  if (tooOld > 0) {
    warnings.push(warning('input-rejected', 'ingest', `${tooOld} item${tooOld === 1 ? '' : 's'} published before the --since limit left out`, { source: input.display }));
  }
  return { inputs, warnings };
}

/** Teaser pages fetched at once from one feed: enough to hide the latency, few enough to be polite to a site. */
export const TEASER_FETCHES = 4;

/** One item as an input: its linked page when the item is only a teaser, else its own text. */
async function readItem(
  item: FeedItem,
  feedInput: LoadedInput,
  feedTitle: string | undefined,
  feedHash: string,
  options: RemoteOptions,
): Promise<{ input?: LoadedInput; warnings: Warning[] }> {
  const feedMeta = metaOf(item, feedTitle);
  const warnings: Warning[] = [];
  if (item.teaser && item.url !== undefined) {
    try {
      const page = await fetchUrl(item.url, { ...options.fetch, expect: 'page' });
      return { input: { display: item.url, bytes: page.bytes, feedMeta }, warnings };
    } catch (error) {
      if (item.html === undefined) return { warnings: [rejected(item.url, error)] };
      warnings.push(warning('input-simplified', 'ingest', `item read from its teaser: ${reasonOf(error)}`, { source: feedInput.display, position: { entry: item.entry } }));
    }
  }
  if (item.html === undefined) return { warnings };
  const bytes = new TextEncoder().encode(itemPage(item, feedTitle));
  return { input: { display: feedInput.display, entry: item.entry, bytes, sha256: feedHash, feedMeta }, warnings };
}

/** An item with no date is kept: leaving it out would hide news whose feed forgot the date. */
function publishedSince(item: FeedItem, sinceMs: number): boolean {
  const when = item.publishedAt ?? item.published;
  if (when === undefined) return true;
  const ms = Date.parse(when);
  return Number.isNaN(ms) || ms >= sinceMs;
}

function metaOf(item: FeedItem, feedTitle: string | undefined): SourceMeta {
  const meta: SourceMeta = {};
  if (item.title !== undefined) meta.title = item.title;
  if (feedTitle !== undefined) meta.outlet = feedTitle;
  if (item.url !== undefined) meta.url = item.url;
  if (item.published !== undefined) meta.published = item.published;
  if (item.author !== undefined) meta.author = item.author;
  return meta;
}

/** An item's own text as a page of its own, so the HTML reader reads it as it reads any page. */
function itemPage(item: FeedItem, feedTitle: string | undefined): string {
  const head = [
    item.title === undefined ? '' : `<title>${escapeHtml(item.title)}</title>`,
    feedTitle === undefined ? '' : `<meta property="og:site_name" content="${escapeHtml(feedTitle)}">`,
  ].join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body><article>${item.html ?? ''}</article></body></html>`;
}

function reasonOf(error: unknown): string {
  return error instanceof BriefwrightError ? error.message : `unexpected failure (${error instanceof Error ? error.message : String(error)})`;
}

function rejected(source: string, error: unknown): Warning {
  return warning('input-rejected', 'ingest', reasonOf(error), { source });
}
