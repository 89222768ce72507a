/**
 * One sentence as the question rules read it: story text only, short quoted phrases unwrapped
 * ("demanded a “proper” review" reads as plain words), tokens tagged, and the questions found in it.
 */
import type { QuestionKind } from '../../model/briefing.js';
import type { SentenceInfo } from '../corpus.js';
import { storyText } from '../dates/story.js';
import { termsOf } from '../terms.js';
import { tokenize, type Token } from './tokens.js';

export interface SentenceView {
  info: SentenceInfo;
  /** The sentence with short quotations unwrapped and a wire dateline blanked. */
  text: string;
  tokens: Token[];
  /** ISO date the sentence's source was published (the briefing date when unknown). */
  reference: string;
  /** True when the sentence opens with somebody's quoted words. */
  quoted: boolean;
  /** Whether a word is used in lower case somewhere in the corpus (so a capital at a sentence start is no name's). */
  isCommonWord: (word: string) => boolean;
}

/** A question one sentence raises, before cross-source merging and selection. */
export interface Candidate {
  kind: QuestionKind;
  text: string;
  view: SentenceView;
  /** How much the question matters to a reader (outcome words, a deadline, a date); ranks within a kind. */
  weight: number;
}

/** A quotation of at most this many words inside a sentence is a phrase the writer adopts, not a statement. */
const SHORT_QUOTE_WORDS = 7;

/** The view of a story sentence, or null for headings, captions, stamps and credits. */
export function viewOf(info: SentenceInfo, reference: string, isCommonWord: (word: string) => boolean): SentenceView | null {
  const story = storyText(info.sentence.text, info.role);
  if (story === null) return null;
  const text = unwrapShortQuotes(story).trim();
  // Tagging is the costly step: done only for sentences a rule's cue words make worth reading.
  let tokens: Token[] | undefined;
  return {
    info,
    text,
    get tokens() {
      return (tokens ??= tokenize(text));
    },
    reference,
    quoted: /^["“‘]/.test(text),
    isCommonWord,
  };
}

/**
 * A test for words the corpus writes in lower case, by stem: "Investigators" opening a sentence is a common
 * noun when "investigation" appears in lower case; "Reuters" stays a name.
 */
export function commonWordTest(sentences: SentenceInfo[]): (word: string) => boolean {
  const lower = new Set<string>();
  for (const s of sentences) for (const w of s.sentence.text.match(/(?<![\w'’-])[a-z][a-z'’-]*/g) ?? []) lower.add(w);
  const stems = new Set(termsOf([...lower].join(' ')));
  return (word) => lower.has(word) || termsOf(word).some((t) => stems.has(t));
}

/** Drop the marks around short quotations, keeping their words and the sentence length within a few characters. */
export function unwrapShortQuotes(text: string): string {
  return text.replace(/["“]([^"“”]{1,200})["”]/g, (whole, inner: string) =>
    inner.trim().split(/\s+/).length <= SHORT_QUOTE_WORDS ? inner : whole,
  );
}
