/**
 * Decide a file's format from its decoded text. The file name is at most a hint for text that is equally
 * plain text or Markdown: a `.txt` holding `<p>…</p>` fragments is HTML, a `.md` holding JSON is JSON.
 */
import type { SourceFormat } from '../model/source.js';

/** Tags that only a whole HTML document has. */
const DOCUMENT_TAG = /<(?:!doctype\s+html|html|head|body|meta|title)\b[^>]*>/i;

/** Block-level tags that make a fragment HTML rather than prose mentioning a tag. */
const BLOCK_TAG = /<(p|div|h[1-6]|ul|ol|li|blockquote|table|article|section|figure|main|br)\b[^<>]*>/gi;

/** YAML front matter: "---" on the first line, a closing "---" or "..." line after it. */
const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Decide the format of decoded text; `nameHint` is the file name, used only to break a text/Markdown tie. */
export function sniffFormat(text: string, nameHint = ''): SourceFormat {
  const trimmed = text.trimStart();
  if (looksLikeJson(trimmed)) return 'json';
  if (FRONT_MATTER.test(trimmed)) return 'markdown';
  if (looksLikeHtml(trimmed)) return 'html';
  if (markdownScore(text) >= 2) return 'markdown';
  // Plain prose is valid Markdown too: there the name decides.
  if (/\.(?:md|markdown|mdown|mkd)$/i.test(nameHint)) return 'markdown';
  return 'text';
}

/** Parses as JSON and is an object or array (a bare string or number is not an article file). */
function looksLikeJson(trimmed: string): boolean {
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/**
 * A document tag anywhere near the start, a file that opens with a block tag, or block tags on most of
 * its non-empty lines (fragments pasted into a .txt). Prose that mentions "<p>" once stays text.
 */
function looksLikeHtml(trimmed: string): boolean {
  const head = trimmed.slice(0, 4096);
  if (DOCUMENT_TAG.test(head) && /^(?:<!--[\s\S]*?-->\s*)*</.test(trimmed)) return true;
  if (/^(?:<!--[\s\S]*?-->\s*)*<(p|div|h[1-6]|ul|ol|article|section|main|table|blockquote|figure)\b[^<>]*>/i.test(trimmed)) {
    return closingTags(trimmed) > 0;
  }
  const lines = trimmed.split('\n').filter((l) => l.trim().length > 0);
  const tagged = lines.filter((l) => new RegExp(BLOCK_TAG.source, 'i').test(l)).length;
  return tagged >= 2 && tagged >= lines.length * 0.5;
}

function closingTags(text: string): number {
  return text.match(/<\/(p|div|h[1-6]|ul|ol|li|blockquote|table|article|section|figure|main)>/gi)?.length ?? 0;
}

/**
 * Evidence of Markdown structure: ATX headings, setext underlines, links/images, emphasis pairs, fenced code.
 * Bullets alone are not evidence: plain-text readers handle "- item" lists as well.
 */
function markdownScore(text: string): number {
  let score = 0;
  if (/^#{1,6}[ \t]+\S/m.test(text)) score += 2;
  // Anchored on the last visible character of the heading line: `^[^\n]*\S[^\n]*` backtracks quadratically.
  if (/\S[ \t]*\n=+[ \t]*$/m.test(text)) score += 2;
  // No part of these may run past the next bracket or far along a line: each try stops soon, whatever the text.
  if (/!?\[[^[\]\n]+\]\([^()[\]\s]+(?:\s+"[^"\n]{0,200}")?\)/.test(text)) score += 1;
  if (/(\*\*|__)\S[^\n]{0,200}?\S\1/.test(text)) score += 1;
  if (/^```/m.test(text)) score += 1;
  return score;
}
