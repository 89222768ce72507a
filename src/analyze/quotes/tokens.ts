/**
 * A small tokenizer for attribution frames: words (with abbreviations such as "Gov." and initials such as "J."
 * kept whole, apostrophes and hyphens inside words) and single punctuation marks, each with its offset.
 */
import { ABBREVIATIONS } from './lexicon.js';

export interface Token {
  text: string;
  /** Offset in the paragraph text. */
  start: number;
  end: number;
  word: boolean;
  /** Starts with an upper-case letter (or is an initial, acronym or capitalised abbreviation). */
  cap: boolean;
  /** Lower case, possessive and final period removed: the form lexicon look-ups use. */
  key: string;
  /** Ends in ’s / 's (or a bare apostrophe after s): "Lind’s", "Jonas’". */
  possessive: boolean;
}

const WORD = /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{N}$£€](?:[\p{L}\p{N}\p{M}]|[.,](?=\p{N})|['’\-–](?=[\p{L}\p{N}]))*(?:['’](?!\p{L}))?/uy;

/** Tokens of `text` from offset `from` to `to`, offsets relative to the whole text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m && m.index === i && i + m[0].length <= to) {
      let end = i + m[0].length;
      const bare = m[0].replace(/['’]$/, '');
      // Keep the period of a known abbreviation, an initial ("J."), or a word before a comma or bracket ("R-Ore.,").
      if (text[end] === '.' && (ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare) || /^[,);:]/.test(text[end + 1] ?? ''))) end++;
      tokens.push(makeWord(text.slice(i, end), i, end));
      i = end;
      continue;
    }
    tokens.push({ text: c, start: i, end: i + 1, word: false, cap: false, key: c, possessive: false });
    i++;
  }
  return tokens;
}

function makeWord(text: string, start: number, end: number): Token {
  const possessive = /['’]s$/i.test(text) || /s['’]$/.test(text);
  const stem = text.replace(/['’]s$/i, '').replace(/['’]$/, '');
  return {
    text,
    start,
    end,
    word: true,
    cap: /^\p{Lu}/u.test(text),
    key: stem.replace(/\.$/, '').toLowerCase(),
    possessive,
  };
}

/** Sentence-ending punctuation as a token. */
export const endsSentence = (t: Token | undefined): boolean => t !== undefined && !t.word && /[.!?…]/.test(t.text);
