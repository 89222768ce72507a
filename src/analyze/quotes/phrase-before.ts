/**
 * Speaker phrases read backwards from a verb: "Brightwater chief executive Ana Ruiz said", "Ana Ruiz, a nurse,
 * said", "Sen. Ana Ruiz (D-Ore.) said", "a spokesperson for the council said", "Ana Ruiz of the fire service said".
 */
import { ANONYMOUS, CLAUSE_BREAKS, FRAMING_VERBS, ORGANISATION_NOUNS, PRONOUNS, ROLE_NOUNS, TITLES, VERB_ADVERBS } from './lexicon.js';
import { isNameWord, runStart, splitRun } from './names.js';
import { DASHES, DETERMINERS, isSpokesRole, MAX_APPOSITION, OWNER_PREPOSITIONS, roleLike, roleOf, textOf, type Parsed } from './phrase-common.js';
import { endsSentence, type Token } from './tokens.js';
import type { SpeakerPhrase } from './types.js';

/** The phrase whose last token is `end`, read backwards. */
export function phraseBefore(tokens: Token[], end: number): Parsed | null {
  const t = tokens[end];
  if (!t) return null;
  if (t.text === ')') {
    const open = findBack(tokens, end, '(');
    return open > 0 ? extendTo(phraseBefore(tokens, open - 1), end + 1) : null;
  }
  if (t.text === ',' || DASHES.has(t.text)) return appositionBefore(tokens, end);
  if (!t.word) return null;
  if (/^\p{N}+$/u.test(t.text) && tokens[end - 1]?.text === ',') {
    // "Ana Ruiz, 31, said": an age after the name.
    const named = phraseBefore(tokens, end - 2);
    return named?.phrase.kind === 'name' ? { ...named, to: end + 1 } : null;
  }
  if (t.key in PRONOUNS) return { phrase: { kind: 'pronoun', pronoun: t.key, at: t.start }, from: end, to: end + 1 };
  if (isNameWord(t)) return nameBefore(tokens, end);
  return ownedNameBefore(tokens, end) ?? descriptionBefore(tokens, end);
}

function extendTo(p: Parsed | null, to: number): Parsed | null {
  return p ? { ...p, to } : null;
}

function findBack(tokens: Token[], from: number, mark: string): number {
  for (let i = from - 1; i >= 0 && from - i < MAX_APPOSITION; i--) if (tokens[i]!.text === mark) return i;
  return -1;
}

/** "Ana Ruiz, a nurse at the clinic, said" and "The firm's chief, Ana Ruiz, said". */
function appositionBefore(tokens: Token[], end: number): Parsed | null {
  let open = -1;
  for (let i = end - 1; i >= 0 && end - i < MAX_APPOSITION; i--) {
    const t = tokens[i]!;
    if (endsSentence(t) || /["“”«»]/.test(t.text)) return null;
    if (t.text === tokens[end]!.text || (t.text === ',' && DASHES.has(tokens[end]!.text))) {
      open = i;
      break;
    }
  }
  if (open <= 0) return null;
  const inner = tokens.slice(open + 1, end);
  if (inner.length === 0) return null;
  const head = phraseBefore(tokens, open - 1);
  if (!head) return null;
  if (head.phrase.kind === 'name') {
    const apposed = /^(?:who|which|whose|where|when)$/i.test(inner[0]!.text) || /^\p{N}+$/u.test(inner[0]!.text) ? null : roleOf([inner]);
    return { phrase: { ...head.phrase, role: apposed ?? head.phrase.role }, from: head.from, to: end + 1 };
  }
  // "The company's chief executive, Ana Ruiz, said": the apposition is the name.
  const innerEnd = inner.length - 1;
  if (head.phrase.kind === 'description' && isNameWord(inner[innerEnd]) && runStart(inner, innerEnd) === 0) {
    const named = nameBefore(inner, innerEnd);
    if (named && named.phrase.kind === 'name') {
      return { phrase: { ...named.phrase, role: head.phrase.text.replace(/^(?:the|a|an)\s+/i, '') }, from: head.from, to: end + 1 };
    }
  }
  return { ...head, to: end + 1 };
}

/** The name run ending at `end` as a mention in narrative: never read as the owner of a description before it. */
export function mentionBefore(tokens: Token[], end: number): Parsed | null {
  return isNameWord(tokens[end]) ? nameBefore(tokens, end, false) : null;
}

/** A capitalised name run ending at `end`, with its title and the role words before it. */
function nameBefore(tokens: Token[], end: number, owned = true): Parsed | null {
  const start = runStart(tokens, end);
  const run = tokens.slice(start, end + 1);
  const parts = splitRun(run);
  const owner = tokens[start - 1];
  // "a spokesperson for Brightwater Foods said": the speaker is the spokesperson, on behalf of the organisation.
  const ownerOf = tokens[start - 2];
  if (owned && owner && OWNER_PREPOSITIONS.has(owner.key) && !owner.cap && ownerOf?.word && !ownerOf.cap) {
    const desc = descriptionBefore(tokens, start - 2);
    if (desc && desc.phrase.kind === 'description') {
      const organisation = parts.organisation ? parts.name : null;
      return {
        phrase: { ...desc.phrase, text: textOf(tokens.slice(desc.from, end + 1)), organisation, owner: organisation ? null : parts.name },
        from: desc.from,
        to: end + 1,
      };
    }
  }
  const chained = personBeforePreposition(tokens, start, end);
  if (chained) return chained;
  const pre = premodifiersBefore(tokens, start);
  if (parts.name === '') {
    // A bare title ("the President said"): a description resolved against the people already named.
    if (!parts.title) return null;
    const phraseText = textOf(tokens.slice(pre, end + 1));
    return { phrase: { kind: 'description', head: tokens[end]!.key, text: phraseText, organisation: null, owner: null, at: tokens[pre]!.start }, from: pre, to: end + 1 };
  }
  const preWords = tokens.slice(pre, start);
  // Words right before a name describe the person when they hold a role noun or end in a noun-like word.
  const lastPre = preWords[preWords.length - 1];
  const described = !!lastPre && (roleLike(preWords) || lastPre.possessive || (!lastPre.cap && lastPre.word));
  const role = [described ? roleOf([preWords]) : null, parts.title || null].filter(Boolean).join(' ') || null;
  const phrase: SpeakerPhrase = {
    kind: 'name',
    name: parts.name,
    role,
    gender: parts.gender,
    organisation: parts.organisation,
    at: run[0]!.start,
  };
  return { phrase, from: pre, to: end + 1 };
}

/**
 * "Ana Ruiz of the Hillside Institute for Policy said": the capitalised run before the verb belongs to a
 * prepositional phrase after the person, who is the run before "of"/"for"/"at"/"from".
 */
function personBeforePreposition(tokens: Token[], start: number, end: number): Parsed | null {
  let k = start - 1;
  if (tokens[k]?.key === 'the' && !tokens[k]!.cap) k--;
  const prep = tokens[k];
  if (!prep || !prep.word || prep.cap || !OWNER_PREPOSITIONS.has(prep.key) || prep.key === 'with' || !isNameWord(tokens[k - 1])) return null;
  const named = nameBefore(tokens, k - 1);
  if (!named || named.phrase.kind !== 'name' || named.phrase.organisation) return null;
  const pp = textOf(tokens.slice(k, end + 1));
  return { phrase: { ...named.phrase, role: named.phrase.role ? `${named.phrase.role} ${pp}` : pp }, from: named.from, to: end + 1 };
}

/**
 * Words before a name that describe the person: "Brightwater Foods chief executive", "the mayor’s top aide",
 * "Secretary of State" — role nouns, their modifiers and organisation names, stopping at punctuation, clause
 * words and anything that looks like a verb ("ordered", "told").
 */
function premodifiersBefore(tokens: Token[], start: number): number {
  let i = start;
  while (i > 0 && start - i < 8) {
    const t = tokens[i - 1]!;
    if (!t.word) break;
    if (t.key === 'of' && TITLES.has(tokens[i - 2]?.key ?? '')) {
      i--; // "Secretary of State"
      continue;
    }
    if (CLAUSE_BREAKS.has(t.key) || DETERMINERS.has(t.key) || t.key in PRONOUNS) {
      if (t.key === 'the' || t.key === 'a' || t.key === 'an') i--;
      break;
    }
    const verbLike = !t.cap && !ROLE_NOUNS.has(t.key) && !TITLES.has(t.key) && (FRAMING_VERBS.has(t.key) || VERB_ADVERBS.has(t.key) || /(?:ed|ing)$/.test(t.key));
    if (verbLike) break;
    i--;
  }
  return i;
}

/** "Ines Reyes of the harbour police said": a person named before a prepositional phrase. */
function ownedNameBefore(tokens: Token[], end: number): Parsed | null {
  for (let k = end; k > 0 && end - k < 8; k--) {
    const t = tokens[k]!;
    if (!t.word) return null;
    if (!OWNER_PREPOSITIONS.has(t.key) || !isNameWord(tokens[k - 1])) continue;
    const named = nameBefore(tokens, k - 1);
    if (!named || named.phrase.kind !== 'name' || named.phrase.organisation) return null;
    const pp = textOf(tokens.slice(k, end + 1));
    const role = named.phrase.role ? `${named.phrase.role} ${pp}` : pp;
    return { phrase: { ...named.phrase, role }, from: named.from, to: end + 1 };
  }
  return null;
}

/** A lower-case description ending at `end`: "the company", "a spokesperson for the council", "officials". */
function descriptionBefore(tokens: Token[], end: number): Parsed | null {
  const t = tokens[end];
  if (!t || !t.word || t.cap || CLAUSE_BREAKS.has(t.key)) return null;
  let i = end;
  while (i > 0 && end - i < 7) {
    const p = tokens[i - 1]!;
    if (!p.word || CLAUSE_BREAKS.has(p.key) || p.key in PRONOUNS) break;
    i--;
    if (DETERMINERS.has(p.key) || p.possessive) break;
  }
  // "a spokesperson for the company": the head is the first noun, the phrase after "for" its owner.
  let from = i;
  let head = t.key;
  let owner: string | null = null;
  const before = tokens[i - 1];
  if (before && OWNER_PREPOSITIONS.has(before.key)) {
    const outer = descriptionBefore(tokens, i - 2);
    if (outer && outer.phrase.kind === 'description' && isSpokesRole(outer.phrase.head)) {
      from = outer.from;
      head = outer.phrase.head;
      owner = t.key;
    }
  }
  const first = tokens[from]!;
  if (!DETERMINERS.has(first.key) && !first.possessive && !ANONYMOUS.has(t.key) && !ORGANISATION_NOUNS.has(t.key) && !ROLE_NOUNS.has(t.key)) {
    return null;
  }
  const phrase: SpeakerPhrase = { kind: 'description', head, text: textOf(tokens.slice(from, end + 1)), organisation: null, owner, at: first.start };
  return { phrase, from, to: end + 1 };
}

