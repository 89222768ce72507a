/**
 * Part-of-speech tokens for the question rules: each word with its tag, lemma and offsets in the sentence,
 * so a rule can find a clause's subject and verb and cut the clause out of the sentence as written.
 */
import { posTokens, type PosToken } from '../nlp.js';

export type Token = PosToken;

/** The sentence's tokens with POS tags and offsets (shared with the date rules' tagger). */
export const tokenize = posTokens;

/** The sentence text from token `from` to token `to` (exclusive), as written. */
export function spanText(text: string, tokens: Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  if (!first || !last || to <= from) return '';
  return text.slice(first.start, last.end);
}

/** Set of lowercase words from a space-separated list. */
export function wordSet(list: string): Set<string> {
  return new Set(list.trim().split(/\s+/));
}

/** Whether token i stands inside quotation marks (counting double marks before it). */
export function insideQuotes(tokens: Token[], i: number): boolean {
  let open = false;
  for (let k = 0; k < i; k++) {
    const t = tokens[k]!.text;
    if (t === '“' || t === '«' || t === '„') open = true;
    else if (t === '”' || t === '»') open = false;
    else if (t === '"') open = !open;
  }
  return open;
}
