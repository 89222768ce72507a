/**
 * Shared pieces of speaker-phrase parsing: the parsed-phrase shape, word classes and how a role is written.
 */
import { ROLE_NOUNS, TITLES } from './lexicon.js';
import type { Token } from './tokens.js';
import type { SpeakerPhrase } from './types.js';

/** A phrase with the token range it covers, [from, to). */
export interface Parsed {
  phrase: SpeakerPhrase;
  from: number;
  to: number;
}

export const DETERMINERS = new Set('the a an his her its their our this that these those'.split(' '));
export const OWNER_PREPOSITIONS = new Set('for of at from with'.split(' '));
export const DASHES = new Set(['—', '–', '-', '--']);
/** An apposition or parenthesis longer than this many tokens is not one. */
export const MAX_APPOSITION = 25;

/** Tokens back to text, with spaces before punctuation removed. */
export const textOf = (tokens: Token[]): string =>
  tokens
    .map((t) => t.text)
    .join(' ')
    .replace(/\s+([,.;:’'])/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .replace(/\s+([)])/g, '$1');

/** True for words that can describe a role ("chief executive", "Brightwater Foods", "former"). */
export const roleLike = (ts: Token[]): boolean => ts.some((t) => ROLE_NOUNS.has(t.key) || TITLES.has(t.key));

/** Clean a role: trim leading articles and punctuation; null when it says nothing. */
export function roleOf(parts: Token[][]): string | null {
  const all = parts.filter((p) => p.length > 0);
  if (all.length === 0) return null;
  const role = all
    .map((p) => textOf(p))
    .join(' ')
    .replace(/^(?:the|a|an)(?:\s+|$)/i, '')
    .replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '')
    .trim();
  return role.length > 1 ? role : null;
}

/** Heads that speak for someone else: the owner after "for"/"of" is the real speaker. */
export const isSpokesRole = (head: string): boolean =>
  /^(?:spokes(?:man|woman|person|people)|representative|statement|spokespersons|lawyer|lawyers|attorney|attorneys|solicitor|press|office)$/.test(head);

