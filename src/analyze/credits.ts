/**
 * Credit lines: who an article says its copy comes from. Pure, and written as the shapes credits take, not
 * as a list of outlets: a dateline's "(Agency)", "Agency contributed to this report", "(Reporting by …;
 * … (Agency))", a trailing "— Agency", "© 2024 Agency", and bylines that name an agency ("By Ann Lee,
 * Agency"). A short table of the big agencies' usual names only makes their labels agree ("The Associated
 * Press" and "AP" are one); any other name found in those places counts just the same.
 */
import type { Block, Source } from '../model/source.js';

/** What a source's credits name: organisations (agencies, outlets) and people (reporters). */
export interface Credits {
  /** Credited organisations as written ("The Associated Press", "Meridian Wire"). */
  agencies: string[];
  /** Reporters named in bylines and credit lists ("Ann Lee"). */
  people: string[];
}

/** Usual short names of the big agencies, by their folded long forms: labels only, never detection. */
const AGENCY_SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  ['ap', 'AP'], ['associatedpress', 'AP'],
  ['reuters', 'Reuters'], ['thomsonreuters', 'Reuters'],
  ['afp', 'AFP'], ['agencefrancepresse', 'AFP'],
  ['bloomberg', 'Bloomberg'], ['bloombergnews', 'Bloomberg'],
  ['dpa', 'dpa'], ['deutschepresseagentur', 'dpa'],
  ['pa', 'PA'], ['pamedia', 'PA'], ['pressassociation', 'PA'],
  ['upi', 'UPI'], ['unitedpressinternational', 'UPI'],
  ['cp', 'CP'], ['canadianpress', 'CP'],
  ['aap', 'AAP'], ['australianassociatedpress', 'AAP'],
]);

/** Words that end the name of an organisation, never of a person. */
const ORGANISATION_END =
  /\b(?:Press|Presse|Wire|Wires|Newswire|Agency|Agencies|Service|Services|Syndicate|Bureau|News|Media|Network|Group|Times|Post|Herald|Journal|Gazette|Daily|Radio|Television|TV)$/u;

/** Lower-case words a person's name may hold ("Ana de la Cruz"). */
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'al', 'el', 'du', 'dos']);

/** Folded form two spellings of one name share: no case, accents, punctuation, leading "The". */
export function nameKey(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^\s*the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return AGENCY_SHORT_NAMES.get(folded)?.toLowerCase() ?? folded;
}

/** How an agency is shown: its usual short name when it is a big agency, else as written without "The". */
export function agencyLabel(name: string): string {
  const folded = nameKey(name);
  for (const short of AGENCY_SHORT_NAMES.values()) if (short.toLowerCase() === folded) return short;
  return name.trim().replace(/^the\s+/i, '');
}

/** "Ann Lee", "Ana de la Cruz": two to four capitalised words, none of which names an organisation. */
export function looksLikePerson(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5 || ORGANISATION_END.test(name.trim())) return false;
  if (/^the$/i.test(words[0] ?? '')) return false;
  return words.every((w) => NAME_PARTICLES.has(w) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) && words.some((w) => /\p{Ll}/u.test(w));
}

/** Words that name nobody in particular: a byline or credit made only of them says nothing about origin. */
const GENERIC_NAMES = /^(?:(?:our|staff|wire|news|the)\s+)*(?:staff|reporters?|correspondents?|writers?|agencies|agency|wires?|desk|team|editors?|editorial board|newsroom|contributors?)$/i;

/** An organisation beyond doubt: a big agency, an acronym, "The …", or a name ending like one ("… Wire"). */
export function looksLikeOrganisation(name: string): boolean {
  const text = name.trim();
  return (
    [...AGENCY_SHORT_NAMES.values()].some((short) => short.toLowerCase() === nameKey(text)) ||
    /^\p{Lu}{2,6}$/u.test(text) ||
    /^the\s+\p{Lu}/iu.test(text) ||
    ORGANISATION_END.test(text)
  );
}

/**
 * A name in a credit slot: a person when it reads as one, else an organisation. In a byline (`strict`), a
 * name that is neither clearly a person nor clearly an organisation ("Metro") is left out.
 */
function classify(name: string, into: Credits, strict = false): void {
  const clean = name
    .trim()
    .replace(/^(?:and|&)\s+/i, '')
    // "Ann Lee in Harbourton": the place is not part of the name.
    .replace(/\s+(?:in|at|from)\s+\p{Lu}.*$/u, '')
    .replace(/[.,;:]+$/, '')
    .trim();
  // A name is a few words; anything longer is prose that happens to open like a credit ("Reporting by X showed…").
  if (clean.length < 2 || clean.split(/\s+/).length > 6 || !/^\p{Lu}|^\p{N}/u.test(clean) || GENERIC_NAMES.test(clean)) return;
  if (looksLikePerson(clean)) into.people.push(clean);
  else if (!strict || looksLikeOrganisation(clean)) into.agencies.push(clean);
}

/** Split "A, B and C" / "A & B" into names. */
function names(list: string): string[] {
  return list.split(/\s*(?:,|;|&|\band\b)\s*/).filter((n) => n.length > 0);
}

/** "(Agency)" at the end of a dateline: "HARBOURTON, May 9 (Agency) —". */
const DATELINE_CREDIT = /\((?<name>[^()]{2,40})\)\s*(?:--?|[–—])?\s*$/u;

/** A dateline the reader did not cut: capitalised place (or nothing), "(Agency)", a dash, then the story. */
const OPENING_CREDIT = /^(?:\p{Lu}[\p{Lu}\p{L}.'’ -]{1,40}(?:,[^()\n]{1,40})?\s*)?\((?<name>[^()]{2,40})\)\s*(?:--?|[–—])\s*\S/u;

/** "Agency contributed to this report", "Ann Lee and Agency contributed reporting to this story". */
const CONTRIBUTED = /^(?<names>\p{Lu}.{1,120}?)\s+contributed\s+(?:reporting\s+)?(?:to\s+)?(?:this|the)\s+(?:report|story|article)\.?$/u;

/** "(Reporting by Ann Lee in Harbourton; Editing by Bo Dee)": a credit list, with maybe "(Agency)" at its end. */
const CREDIT_LIST = /^[([]?\s*(?:additional\s+|further\s+)?(?:reporting|writing|editing|written|reported|compiled|research)(?:\s+and\s+\w+)?\s+by\s+(?<body>.+)$/iu;

/** "— Agency" or "-- Agency" alone on the last lines of a story. */
const TRAILING_DASH = /^(?:--?|[–—])\s*(?<name>\p{Lu}[\p{L}\p{N}.&'’ -]{1,40}?)\.?$/u;

/** "© 2024 Agency. All rights reserved.", "Copyright 2024 The Agency". */
const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?(?<name>\p{Lu}[^.©]{1,60}?)\.?(?:\s*all rights reserved\.?)?$/iu;

/** How far from the start a dateline credit can sit, and from the end a trailing credit. */
const OPENING_BLOCKS = 4;
const CLOSING_BLOCKS = 3;

/** The names in one credit list body: people by the roles they had, a trailing "(Agency)" as organisation. */
function creditList(body: string, into: Credits): void {
  const trailing = /\((?<name>[^()]{2,40})\)\s*\)?\.?$/u.exec(body);
  let rest = body;
  if (trailing?.groups?.name) {
    classify(trailing.groups.name, into);
    rest = body.slice(0, trailing.index);
  }
  for (const part of rest.replace(/[)\]]\s*\.?$/, '').split(';')) {
    const list = part.replace(/^\s*(?:additional\s+)?\w+(?:\s+and\s+\w+)?\s+by\s+/i, '');
    for (const name of names(list)) {
      classify(name, into);
    }
  }
}

/** Credits in one line of a source's raw text; `closing` when it is among the story's last blocks. */
function creditsInLine(line: string, closing: boolean, into: Credits): void {
  const contributed = CONTRIBUTED.exec(line);
  if (contributed?.groups?.names) {
    for (const name of names(contributed.groups.names)) classify(name, into);
    return;
  }
  const list = CREDIT_LIST.exec(line);
  if (list?.groups?.body && line.split(/\s+/).length <= 40) {
    creditList(list.groups.body, into);
    return;
  }
  if (!closing) return;
  const name = TRAILING_DASH.exec(line)?.groups?.name ?? COPYRIGHT.exec(line)?.groups?.name;
  if (name !== undefined) classify(name, into);
}

/** The credits a byline holds: "Ann Lee, The Agency", "By Agency staff", "Ann Lee and Bo Dee". */
function bylineCredits(author: string, into: Credits): void {
  for (const part of author.split(/\s*(?:,|;|\||&|\band\b|\bfor\b)\s*/)) {
    const name = part.replace(/^by\s+/i, '').replace(/\s+(?:staff|reporters?|correspondents?|writers?|desk)$/i, '').trim();
    if (name.length > 0) classify(name, into, true);
  }
}

/** Everything a source credits, found in its metadata and raw blocks (before cleaning drops credit lines). */
export function creditsOf(source: Source): Credits {
  const found: Credits = { agencies: [], people: [] };
  if (source.meta.author) bylineCredits(source.meta.author, found);
  const blocks: readonly Block[] = source.blocks;
  blocks.forEach((block, i) => {
    if (block.dateline !== undefined) {
      const name = DATELINE_CREDIT.exec(block.dateline)?.groups?.name;
      if (name !== undefined) classify(name, found);
    } else if (i < OPENING_BLOCKS && block.role === 'paragraph') {
      const name = OPENING_CREDIT.exec(block.text)?.groups?.name;
      if (name !== undefined) classify(name, found);
    }
    const closing = i >= blocks.length - CLOSING_BLOCKS;
    for (const line of block.text.split('\n')) {
      const text = line.trim();
      if (text.length > 0 && text.length <= 400) creditsInLine(text, closing, found);
    }
  });
  return { agencies: [...new Set(found.agencies)], people: [...new Set(found.people)] };
}
