/**
 * Text and link helpers for the feed reader: feed fields are HTML (or plain text) fragments, and links may
 * be relative to the feed's base. Each helper is a small pure function.
 */
import { collapseWhitespace, wordCount } from './blocks.js';
import { parseDocument } from './dom.js';

/** An HTML fragment (a title, an author) as plain text: tags stripped, entities decoded, whitespace collapsed. */
export function plainText(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  // Most titles hold neither markup nor a reference: no need to build a document for them.
  const text = /[<&]/.test(html) ? (parseDocument(html).body?.textContent ?? '') : html;
  const collapsed = collapseWhitespace(text);
  return collapsed === '' ? undefined : collapsed;
}

/** Escape text for use inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Plain text as HTML paragraphs: blank lines separate paragraphs when there are any, else each line is
 * one (plain-text feeds write one paragraph a line).
 */
export function textToHtml(text: string): string | undefined {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (trimmed === '') return undefined;
  const paragraphs = /\n[ \t]*\n/.test(trimmed) ? trimmed.split(/\n[ \t]*\n+/) : trimmed.split('\n');
  return paragraphs
    .map((p) => collapseWhitespace(p))
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

/** Words of text in an HTML fragment, counted roughly: enough to tell a teaser from an article. */
export function htmlWordCount(html: string): number {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#\d+|#x[\da-f]+|[a-z]+);/gi, ' ');
  return wordCount(text);
}

/** A non-empty trimmed string, or undefined. */
export function nonEmpty(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** `href` resolved against `base` when it is an absolute http(s) URL; undefined otherwise. */
export function httpUrl(href: string | undefined, base?: string): string | undefined {
  const value = nonEmpty(href);
  if (value === undefined) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The base for links: the first candidate that resolves (each against the next) to an absolute http(s) URL. */
export function baseUrl(...candidates: (string | undefined)[]): string | undefined {
  let base: string | undefined;
  for (let i = candidates.length - 1; i >= 0; i--) base = httpUrl(candidates[i], base) ?? base;
  return base;
}
