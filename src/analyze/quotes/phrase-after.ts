/**
 * Speaker phrases read forwards, after an inverted verb or "according to": "said Ana Ruiz, one of the
 * claimants", "said Clinic ally Ana Ruiz", "said Air Force 1st Lt. Ana Ruiz (R)", "said a spokesperson for the
 * council". The name is the last capitalised run of the noun phrase; the words before it are the role.
 */
import { CLAUSE_BREAKS, FRAMING_VERBS, PRONOUNS, ROLE_NOUNS, TITLES, VERB_ADVERBS } from './lexicon.js';
import { isNameWord, runEnd, splitRun } from './names.js';
import { DASHES, DETERMINERS, MAX_APPOSITION, OWNER_PREPOSITIONS, roleLike, roleOf, textOf, type Parsed } from './phrase-common.js';
import { endsSentence, type Token } from './tokens.js';
import type { SpeakerPhrase } from './types.js';

/** Most words a noun phrase holds before its name. */
const MAX_PHRASE = 12;
const VEHICLES = /^(?:statement|email|e-mail|transcript|post|tweet|letter|report|release|filing|memo|remarks|interview|note|message|document|op-ed)s?$/;

/** A lower-case word that is probably a verb: a known speech or framing verb, an auxiliary, or an -ed form. */
export function verbLike(t: Token | undefined): boolean {
  if (!t || !t.word || t.cap) return false;
  if (ROLE_NOUNS.has(t.key) || TITLES.has(t.key)) return false;
  return FRAMING_VERBS.has(t.key) || VERB_ADVERBS.has(t.key) || /(?:ed|es)$/.test(t.key) && t.key.length > 4;
}

/** The phrase starting at `start`, read forwards. */
export function phraseAfter(tokens: Token[], start: number): Parsed | null {
  let i = start;
  // "according to a statement from Varga": skip the vehicle of the words.
  if (/^(?:a|an|the)$/.test(tokens[i]?.key ?? '') && VEHICLES.test(tokens[i + 1]?.key ?? '') && /^(?:from|by|of)$/.test(tokens[i + 2]?.key ?? '')) {
    i += 3;
  }
  const t = tokens[i];
  if (!t || !t.word) return null;
  if (t.key in PRONOUNS) return { phrase: { kind: 'pronoun', pronoun: t.key, at: t.start }, from: i, to: i + 1 };

  // Walk the noun phrase; remember the last capitalised run that is not a possessive ("Lind’s aide Ana Ruiz").
  let j = i;
  let name: [number, number] | null = null;
  while (j < tokens.length && j - i < MAX_PHRASE) {
    const w = tokens[j]!;
    if (!w.word) break;
    if (isNameWord(w)) {
      const e = runEnd(tokens, j);
      if (!tokens[e - 1]!.possessive) name = [j, e];
      j = e;
      continue;
    }
    if (j > i && (CLAUSE_BREAKS.has(w.key) || verbLike(w))) break;
    if (name) {
      // After a name, lower-case words go on only towards another name: "Clinic ally Ana Ruiz", not "Varga in".
      let look = j;
      while (look - j < 4 && tokens[look]?.word && !isNameWord(tokens[look]) && !CLAUSE_BREAKS.has(tokens[look]!.key) && !verbLike(tokens[look])) look++;
      if (!isNameWord(tokens[look])) break;
      j = look;
      continue;
    }
    j++;
  }
  if (!name || (DETERMINERS.has(t.key) && !roleLike(tokens.slice(i, name[0])) && !tokens[name[0] - 1]?.possessive)) {
    return descriptionAfter(tokens, i);
  }
  const [s, e] = name;
  const parts = splitRun(tokens.slice(s, e));
  if (parts.name === '') return descriptionAfter(tokens, i);
  const before = tokens.slice(i, s);
  const preRole = before.length > 0 ? roleOf([before]) : null;
  const title = parts.title || null;
  const extra = extrasAfter(tokens, e);
  const own = [preRole, title].filter(Boolean).join(' ') || null;
  const role = extra.pp ? [own, extra.pp].filter(Boolean).join(' ') : own ?? extra.apposition;
  const phrase: SpeakerPhrase = { kind: 'name', name: parts.name, role, gender: parts.gender, organisation: parts.organisation, at: tokens[s]!.start };
  return { phrase, from: i, to: extra.to };
}

/**
 * What follows a name: a parenthesis "(D-Ore.)", an apposition ", one of the claimants," or a prepositional
 * phrase "of the harbour police". Relative clauses and ages are passed over, not taken as roles.
 */
function extrasAfter(tokens: Token[], end: number): { apposition: string | null; pp: string | null; to: number } {
  let k = end;
  if (tokens[k]?.text === '(') {
    const close = tokens.findIndex((t, n) => n > k && t.text === ')');
    if (close > 0 && close - k < 8) k = close + 1;
  }
  const t = tokens[k];
  if (!t) return { apposition: null, pp: null, to: k };
  const isComma = t.text === ',' || DASHES.has(t.text);
  if (!isComma && !(t.word && OWNER_PREPOSITIONS.has(t.key) && t.key !== 'with')) return { apposition: null, pp: null, to: k };
  let j = k + 1;
  while (j < tokens.length && j - k < MAX_APPOSITION && !endsSentence(tokens[j]) && tokens[j]!.text !== ',' && !DASHES.has(tokens[j]!.text)) {
    if (!isComma && (verbLike(tokens[j]) || CLAUSE_BREAKS.has(tokens[j]!.key) && !OWNER_PREPOSITIONS.has(tokens[j]!.key) && tokens[j]!.key !== 'the')) break;
    j++;
  }
  const inner = tokens.slice(isComma ? k + 1 : k, j);
  const first = inner[0];
  const closed = isComma && tokens[j]?.text === t.text;
  if (!first || /^(?:who|which|whose|where|when)$/i.test(first.key) || verbLike(first) || /^\p{N}+$/u.test(first.text)) {
    // A relative clause or an age closed by a comma is passed over: "Ruiz, who led the study, said".
    return { apposition: null, pp: null, to: closed && first ? j + 1 : k };
  }
  const role = roleOf([inner]);
  // A comma that closes the apposition belongs to it: "Ruiz, a nurse, said" — the verb follows it.
  const to = closed ? j + 1 : j;
  return isComma ? { apposition: role, pp: null, to } : { apposition: null, pp: role, to };
}

/** "the company", "a spokesperson for the council", "officials" read forwards. */
function descriptionAfter(tokens: Token[], start: number): Parsed | null {
  let j = start;
  while (j < tokens.length && j - start < 8 && tokens[j]!.word && !(j > start && (CLAUSE_BREAKS.has(tokens[j]!.key) && !OWNER_PREPOSITIONS.has(tokens[j]!.key) || verbLike(tokens[j])))) j++;
  const words = tokens.slice(start, j);
  if (words.length === 0) return null;
  const ownerAt = words.findIndex((w, n) => n > 0 && OWNER_PREPOSITIONS.has(w.key));
  const headWords = ownerAt > 0 ? words.slice(0, ownerAt) : words;
  const head = headWords[headWords.length - 1]!;
  if (head.cap && !DETERMINERS.has(words[0]!.key)) return null;
  let organisation: string | null = null;
  let owner: string | null = null;
  if (ownerAt > 0) {
    const ownerWords = words.slice(ownerAt + 1);
    const runAt = ownerWords.findIndex((w) => isNameWord(w));
    if (runAt >= 0) {
      const parts = splitRun(ownerWords.slice(runAt, runEnd(ownerWords, runAt)));
      if (parts.organisation) organisation = parts.name;
    } else owner = ownerWords[ownerWords.length - 1]?.key ?? null;
  }
  const phrase: SpeakerPhrase = { kind: 'description', head: head.key, text: textOf(words), organisation, owner, at: words[0]!.start };
  return { phrase, from: start, to: j };
}

/** Common verbs that follow a subject without a telling suffix: irregular pasts and frequent present forms. */
const COMMON_VERBS = new Set(
  `went made took gave came got began ran saw thought knew left met held kept brought spoke stood won lost paid sent
  spent built led set put cut hit let felt found became sat fell rose broke chose drove flew grew hung shook stole
  struck swore threw woke wore goes gets makes takes comes gives wants needs thinks knows seems appears remains faces
  leads plans hopes tries works runs holds keeps shows sees feels looks believes expects continues declines refuses
  agrees disagrees lives serves stands sits`.split(/\s+/),
);

/** True when a verb follows position `k` (after adverbs and auxiliaries): the phrase before it is a clause subject. */
export function verbFollows(tokens: Token[], k: number): boolean {
  let j = k;
  while (tokens[j]?.word && !tokens[j]!.cap && (VERB_ADVERBS.has(tokens[j]!.key) || /n['’]t$/.test(tokens[j]!.key))) j++;
  if (j > k) return true; // "has begun", "would not comment", "is"
  const next = tokens[j];
  if (!next || !next.word || next.cap) return false;
  return FRAMING_VERBS.has(next.key) || COMMON_VERBS.has(next.key) || (/ed$/.test(next.key) && !ROLE_NOUNS.has(next.key));
}
