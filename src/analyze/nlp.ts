/**
 * The wink-nlp instances, each loaded on first use (loading the model costs ~130 ms): one that splits
 * sentences only, and one that also tags parts of speech, shared by every rule that reads grammar.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkInstance = ReturnType<typeof winkNLP>;

let splitter: WinkInstance | undefined;
let tagger: WinkInstance | undefined;

/** Runs of non-space characters longer than this are no words; wink-nlp is shown them as digits (see winkText). */
const LONGEST_WORD = 100;

/**
 * `text` as it may be given to wink-nlp: the same length, every offset the same, but runs of more than
 * LONGEST_WORD non-space characters (markup debris, pasted dumps) turned into digits. wink's abbreviation
 * and punctuation patterns backtrack on long runs of letters or symbols (minutes on 500 KB); digits they skip.
 */
export function winkText(text: string): string {
  return text.replace(LONG_RUN, (run) => '0'.repeat(run.length));
}

const LONG_RUN = new RegExp(`\\S{${LONGEST_WORD + 1},}`, 'g');

/** Sentence boundaries only: tagging costs time the splitter need not pay. */
export function nlp(): WinkInstance {
  splitter ??= winkNLP(model, ['sbd']);
  return splitter;
}

/** A word of a tagged sentence, with its offsets in the text as given. */
export interface PosToken {
  /** As written. */
  text: string;
  lower: string;
  /** Universal POS tag (NOUN, VERB, AUX, PROPN, NUM, PART…). */
  pos: string;
  lemma: string;
  /** wink's token type: word, number, punctuation, currency, symbol… */
  type: string;
  /** Character offsets in the text. */
  start: number;
  end: number;
}

const cache = new Map<string, PosToken[]>();
const CACHE_LIMIT = 5000;

/**
 * The text's tokens with POS tags, lemmas and offsets (memoised: several rules read the same sentence).
 * `remember: false` is for text read once (every paragraph of every source): memoising it would push out
 * the sentences the other stages read again.
 */
export function posTokens(text: string, { remember = true }: { remember?: boolean } = {}): PosToken[] {
  const hit = cache.get(text);
  if (hit) return hit;
  tagger ??= winkNLP(model, ['sbd', 'pos']);
  const { its } = tagger;
  const shown = winkText(text);
  const tokens = tagger.readDoc(shown).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  // wink's typings declare `its.lemma` with an addons parameter `out()` does not accept; it works at run time.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const types = tokens.out(its.type) as string[];
  const out: PosToken[] = [];
  let at = 0;
  values.forEach((value, i) => {
    const found = shown.indexOf(value, at);
    const start = found >= 0 ? found : at;
    at = start + value.length;
    const word = text.slice(start, at);
    out.push({ text: word, lower: word.toLowerCase(), pos: pos[i] ?? 'X', lemma: (lemmas[i] ?? value).toLowerCase(), type: types[i] ?? 'word', start, end: at });
  });
  if (!remember) return out;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}
