/**
 * Part-of-speech tokens for the question rules: each word with its tag, lemma and offsets in the sentence,
 * so a rule can find a clause's subject and verb and cut the clause out of the sentence as written.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** As written. */
  text: string;
  lower: string;
  /** Universal POS tag (NOUN, VERB, AUX, PROPN, NUM, …). */
  pos: string;
  lemma: string;
  /** wink's token type: word, number, punctuation, currency, symbol… */
  type: string;
  /** Character offsets in the sentence. */
  start: number;
  end: number;
}

type WinkInstance = ReturnType<typeof winkNLP>;
// A second wink instance: the shared one (nlp.ts) splits sentences only, and tagging costs time it need not pay.
let tagger: WinkInstance | undefined;
const cache = new Map<string, Token[]>();
const CACHE_LIMIT = 5000;

/** The sentence's tokens with POS tags and offsets (memoised: several rules read the same sentence). */
export function tokenize(text: string): Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  tagger ??= winkNLP(model, ['sbd', 'pos']);
  const { its } = tagger;
  const tokens = tagger.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  // wink's typings declare `its.lemma` with an addons parameter `out()` does not accept; it works at run time.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const types = tokens.out(its.type) as string[];
  const out: Token[] = [];
  let at = 0;
  values.forEach((value, i) => {
    const found = text.indexOf(value, at);
    const start = found >= 0 ? found : at;
    at = start + value.length;
    out.push({ text: value, lower: value.toLowerCase(), pos: pos[i] ?? 'X', lemma: (lemmas[i] ?? value).toLowerCase(), type: types[i] ?? 'word', start, end: at });
  });
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

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
