/**
 * Person and organisation names: a capitalised run of words split into title ("Oregon Sen.", "Group Manager")
 * and name ("Ana Ruiz"), honorifics dropped, accents kept; organisations told apart by their words.
 */
import { FEMININE, HONORIFICS, MASCULINE, NOT_NAMES, ORGANISATION_WORDS, PLACE_WORDS, ROLE_NOUNS, TITLES } from './lexicon.js';
import type { Token } from './tokens.js';
import type { Gender } from './types.js';

/** Lower-case particles that may sit inside a name: "Ludwig van Beethoven", "Ana de la Vega". */
const PARTICLES = new Set('de del della der den di du da dos das la le van von ter ten bin ibn al el y st'.split(' '));

/** True for a token that may be part of a capitalised name run. */
export function isNameWord(t: Token | undefined): boolean {
  if (!t || !t.word || !t.cap || /^\p{N}/u.test(t.text)) return false;
  return !NOT_NAMES.has(t.key) || TITLES.has(t.key) || HONORIFICS.has(t.key);
}

/** Index of the first token of the capitalised run ending at `end` (particles allowed inside, not at the edges). */
export function runStart(tokens: Token[], end: number): number {
  let i = end;
  while (i > 0) {
    const prev = tokens[i - 1]!;
    if (isNameWord(prev) && !prev.possessive) {
      i--;
    } else if (prev.word && !prev.cap && isNameWord(tokens[i - 2]) && (PARTICLES.has(prev.key) || titleOf(prev, tokens[i - 2]))) {
      i--;
    } else break;
  }
  return i;
}

/** "of" inside a title: "Secretary of State", "Minister of Health". */
const titleOf = (t: Token, before: Token | undefined): boolean => t.key === 'of' && !!before && TITLES.has(before.key);

/** Index just past the capitalised run starting at `start`. */
export function runEnd(tokens: Token[], start: number): number {
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (isNameWord(t)) {
      i++;
      if (t.possessive) break;
    } else if (t.word && !t.cap && isNameWord(tokens[i + 1]) && (PARTICLES.has(t.key) || titleOf(t, tokens[i - 1]))) i++;
    else break;
  }
  return i;
}

export interface NameParts {
  /** Title words before the name ("Oregon Sen.", "Chief Executive"), or "" when none. */
  title: string;
  /** The name itself, honorifics removed ("Ana Ruiz"); "" when the run is only titles. */
  name: string;
  gender: Gender;
  organisation: boolean;
}

/** Split a capitalised run into title and name: everything up to the last title or honorific word is title. */
export function splitRun(run: Token[]): NameParts {
  let cut = 0;
  let gender: Gender = null;
  run.forEach((t, i) => {
    // A role noun is a title before a name ("Engineer Ivo Brandt") but may be the surname itself ("Ada Cook").
    if (TITLES.has(t.key) || HONORIFICS.has(t.key) || (ROLE_NOUNS.has(t.key) && i < run.length - 1)) cut = i + 1;
    if (FEMININE.has(t.key)) gender = 'f';
    else if (MASCULINE.has(t.key)) gender = 'm';
  });
  const nameTokens = run.slice(cut);
  const title = run
    .slice(0, cut)
    .filter((t) => !HONORIFICS.has(t.key))
    .map((t) => t.text)
    .join(' ');
  if (nameTokens.length === 0) {
    // Only title words: an organisation ("Kessling Water", "State Department") or a bare title ("the President").
    const organisation = looksLikeOrganisation(run);
    return { title: organisation ? '' : title, name: organisation ? cleanName(run.map((t) => t.text).join(' ')) : '', gender, organisation };
  }
  return { title, name: cleanName(nameTokens.map((t) => t.text).join(' ')), gender, organisation: looksLikeOrganisation(nameTokens) };
}

/** Possessive endings and stray punctuation off a name. */
export function cleanName(name: string): string {
  return name
    .replace(/['’]s$/i, '')
    .replace(/(?<=s)['’]$/, '')
    .replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '')
    .trim();
}

/** True when a run names an organisation or a place: an organisation or place word, or an acronym ("NATO"). */
export function looksLikeOrganisation(run: Token[]): boolean {
  if (run.some((t) => ORGANISATION_WORDS.has(t.key) || PLACE_WORDS.has(t.key))) return true;
  return run.length === 1 && /^(?:\p{Lu}{2,}|(?:\p{Lu}\.){2,})$/u.test(run[0]!.text.replace(/['’]s$/, ''));
}

/** Fold a name for comparison: accents off, lower case, periods off. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The folded surname: the last word that is not Jr./Sr./III. */
export function surnameOf(name: string): string {
  const parts = foldName(name).split(' ').filter((p) => !SUFFIXES.has(p));
  return parts[parts.length - 1] ?? '';
}

/** The folded given names (everything before the surname). */
export function givenNamesOf(name: string): string[] {
  const parts = foldName(name).split(' ').filter((p) => !SUFFIXES.has(p));
  return parts.slice(0, -1);
}

/**
 * True when `short` can be a shorter form of `full`: same surname, and any given name or initial it has agrees
 * ("Varga", "T. Varga" and "Tomas Varga" are one person; "Ilse Varga" is not "Tomas Varga").
 */
export function isShortFormOf(short: string, full: string): boolean {
  if (surnameOf(short) !== surnameOf(full) || surnameOf(short) === '') return false;
  const given = givenNamesOf(full);
  return givenNamesOf(short).every((g) => given.some((f) => f === g || (g.length === 1 && f.startsWith(g))));
}
