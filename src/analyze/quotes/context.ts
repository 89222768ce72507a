/**
 * What a document says about its people and organisations outside quotation marks: every mention with its
 * sentence, role and gender clues, so pronouns ("she said"), descriptions ("the company said", "the mayor said")
 * and short names ("Varga") resolve to the fullest name the source gives.
 */
import { ORGANISATION_NOUNS, PLACE_PREPOSITIONS, ROLE_NOUNS, TITLES } from './lexicon.js';
import { foldName, isNameWord, isShortFormOf, runEnd } from './names.js';
import { verbFollows } from './phrase-after.js';
import { mentionBefore } from './phrase-before.js';
import { endsSentence, type Token } from './tokens.js';
import type { Gender, SpeakerPhrase } from './types.js';
import { sentenceOrdinal, type ParagraphView } from './view.js';

export interface Mention {
  name: string;
  role: string | null;
  organisation: boolean;
  /** Title, honorific or role words came with it: certainly a person (or an organisation when `organisation`). */
  titled: boolean;
  gender: Gender;
  sentence: number;
  offset: number;
  /** Opens its clause or stands before a verb: a likely antecedent. */
  subject: boolean;
  /** "Varga’s plan": a possessive modifier, an unlikely antecedent. */
  possessive: boolean;
  /** Paragraph index (offsets are within it). */
  paragraph: number;
}

/** Where in a document something is said: sentence ordinal and offset within the paragraph. */
export interface Place {
  sentence: number;
  offset: number;
}

/** How far back (in sentences) a pronoun or description may find its antecedent. */
const PRONOUN_WINDOW = 8;

const before = (m: Mention, at: Place): boolean => m.sentence < at.sentence || (m.sentence === at.sentence && m.offset < at.offset);

export class DocumentContext {
  readonly mentions: Mention[] = [];
  private readonly genders = new Map<string, { m: number; f: number }>();

  /** `speakers`: names already seen as subjects of speech verbs, so untitled mentions of them count as people. */
  constructor(views: ParagraphView[], speakers: string[]) {
    const known = new Set(speakers);
    const found: Array<Mention & { likely: boolean }> = [];
    for (const view of views) for (const gap of view.gaps) found.push(...scan(view, gap));
    // A person is titled, a speaker, a clause subject or a full name; a bare surname counts once one of those has it.
    const people = found.filter((m) => !m.organisation && (m.likely || known.has(m.name)));
    for (const m of found) {
      if (m.organisation || people.includes(m) || people.some((p) => isShortFormOf(m.name, p.name))) this.mentions.push(m);
    }
    for (const view of views) for (const gap of view.gaps) this.learnGender(view, gap);
  }

  /** A person who opens a sentence, then the first he/she/his/her after them in that sentence: one vote. */
  private learnGender(view: ParagraphView, gap: Token[]): void {
    for (const m of this.mentions) {
      if (m.organisation || !m.subject || m.paragraph !== view.index) continue;
      const at = gap.findIndex((t) => t.start === m.offset);
      if (at < 0) continue;
      for (let i = at + 1; i < gap.length && !endsSentence(gap[i]); i++) {
        const k = gap[i]!.key;
        if (isNameWord(gap[i])) break; // another person comes first: the pronoun may be theirs
        const g = /^(?:he|his|him|himself)$/.test(k) ? 'm' : /^(?:she|her|hers|herself)$/.test(k) ? 'f' : null;
        if (g) {
          this.vote(this.fullName(m.name, m), g);
          break;
        }
      }
    }
  }

  private vote(name: string, g: 'm' | 'f'): void {
    const v = this.genders.get(name) ?? { m: 0, f: 0 };
    v[g]++;
    this.genders.set(name, v);
  }

  /** The fullest form of a person's name in this document ("Varga" → "Tomas Varga"), nearest before `at` first. */
  fullName(name: string, at?: Place): string {
    const candidates = this.mentions.filter((m) => !m.organisation && isShortFormOf(name, m.name));
    if (candidates.length === 0) return name;
    const prior = at ? candidates.filter((m) => before(m, at) || m.sentence === at.sentence) : [];
    const pool = prior.length > 0 ? prior : candidates;
    // The latest full mention before the place wins ties between namesakes ("Pablo Ruiz" vs "Ana Ruiz").
    const longest = Math.max(...pool.map((m) => m.name.split(' ').length));
    const best = pool.filter((m) => m.name.split(' ').length === longest);
    return best[best.length - 1]!.name;
  }

  /** The role the document gives a person, at the first mention that has one. */
  roleOf(fullName: string): string | null {
    return this.mentions.find((m) => m.role !== null && !HONORIFIC_ROLE.test(m.role) && isShortFormOf(m.name, fullName))?.role ?? null;
  }

  genderOf(fullName: string): Gender {
    const lexical = this.mentions.find((m) => m.gender !== null && isShortFormOf(m.name, fullName))?.gender;
    if (lexical) return lexical;
    const v = this.genders.get(fullName);
    if (!v || v.m === v.f) return null;
    return v.m > v.f ? 'm' : 'f';
  }

  /**
   * The person a pronoun stands for at `at`: the nearest mention whose gender agrees, clause subjects preferred.
   * The mention comes back under the full name that agrees ("Ruiz" + "she" → the Ruiz who is a woman).
   */
  resolvePronoun(pronoun: string, at: Place): Mention | null {
    const gender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null;
    if (gender === null) return pronoun === 'they' || pronoun === 'it' ? this.organisationBefore(null, at, 3) : null;
    let best: Mention | null = null;
    let bestScore = -Infinity;
    for (const m of this.mentions) {
      if (m.organisation || !before(m, at) || at.sentence - m.sentence > PRONOUN_WINDOW) continue;
      const agreeing = this.fullNames(m).filter((full) => {
        const g = this.genderOf(full);
        return g === null || g === gender;
      });
      if (agreeing.length === 0) continue;
      const score = -(at.sentence - m.sentence) + (m.subject ? 0.75 : 0) - (m.possessive ? 1 : 0);
      if (score >= bestScore) {
        best = { ...m, name: agreeing[agreeing.length - 1]! };
        bestScore = score;
      }
    }
    return best;
  }

  /** Every full name a mention may be short for, the one nearest before it last. */
  private fullNames(m: Mention): string[] {
    const names = this.mentions.filter((o) => !o.organisation && isShortFormOf(m.name, o.name) && before(o, { sentence: m.sentence, offset: m.offset + 1 }));
    const longest = names.length > 0 ? Math.max(...names.map((o) => o.name.split(' ').length)) : 0;
    const full = [...new Set(names.filter((o) => o.name.split(' ').length === longest).map((o) => o.name))];
    return full.length > 0 ? full : [this.fullName(m.name, m)];
  }

  /** The organisation a description ("the company", "the council") or "it"/"they" stands for. */
  organisationBefore(head: string | null, at: Place, window = Infinity): Mention | null {
    const orgs = this.mentions.filter((m) => m.organisation && before(m, at) && at.sentence - m.sentence <= window);
    if (head) {
      const named = orgs.filter((m) => foldName(m.name).split(' ').includes(head));
      if (named.length > 0) return named[named.length - 1]!;
    }
    const subjects = orgs.filter((m) => m.subject);
    return subjects[subjects.length - 1] ?? (head ? null : orgs[orgs.length - 1] ?? null);
  }

  /** The person a role description ("the mayor", "the chief executive") stands for. */
  personWithRole(head: string, at: Place): Mention | null {
    const matches = this.mentions.filter(
      (m) => !m.organisation && before(m, at) && m.role !== null && foldName(m.role).split(/[\s-]+/).includes(head),
    );
    return matches[matches.length - 1] ?? null;
  }

  /** Resolve a description phrase to an organisation or person mention, or null when it names nobody. */
  resolveDescription(phrase: Extract<SpeakerPhrase, { kind: 'description' }>, at: Place): Mention | { name: string; role: string } | null {
    if (phrase.organisation) return { name: phrase.organisation, role: phrase.head };
    if (phrase.owner) {
      const owner = this.organisationBefore(phrase.owner, at);
      return owner ? { name: owner.name, role: phrase.head } : null;
    }
    if (!/^(?:the|its|their)\b/i.test(phrase.text)) return null;
    if (ORGANISATION_NOUNS.has(phrase.head)) return this.organisationBefore(phrase.head, at);
    if (ROLE_NOUNS.has(phrase.head) || TITLES.has(phrase.head)) return this.personWithRole(phrase.head, at);
    return null;
  }
}

const HONORIFIC_ROLE = /^(?:mr|mrs|ms|miss|dr|sir|dame)\.?$/i;

/** Name mentions in one gap of narrative, with the clues that make them likely people. */
function scan(view: ParagraphView, gap: Token[]): Array<Mention & { likely: boolean }> {
  const out: Array<Mention & { likely: boolean }> = [];
  for (let i = 0; i < gap.length; i++) {
    const t = gap[i]!;
    if (!isNameWord(t)) continue;
    const end = runEnd(gap, i);
    const parsed = mentionBefore(gap, end - 1);
    i = end - 1;
    if (!parsed || parsed.phrase.kind !== 'name' || parsed.phrase.name === '') continue;
    const p = parsed.phrase;
    const titled = p.gender !== null || (p.role !== null && p.role.split(/[\s-]+/).some((w) => TITLES.has(w.toLowerCase().replace(/\.$/, '')) || ROLE_NOUNS.has(w.toLowerCase())));
    const subject = !gap[end - 1]!.possessive && isSubject(gap, parsed.from, end);
    const place = PLACE_PREPOSITIONS.has(gap[parsed.from - 1]?.key ?? '');
    out.push({
      name: p.name,
      role: p.role,
      organisation: p.organisation,
      titled: titled || p.organisation,
      gender: p.gender,
      sentence: sentenceOrdinal(view, t.start),
      paragraph: view.index,
      offset: t.start,
      subject,
      possessive: gap[end - 1]!.possessive,
      // News introduces a person by full name: a bare single word counts only as a short form of one (see below).
      likely: titled || (p.name.includes(' ') && !place),
    });
  }
  return out;
}

/** True when the phrase [from, end) stands before a verb, after any apposition or parenthesis ("Ruiz, 31, said"). */
function isSubject(gap: Token[], from: number, end: number): boolean {
  let j = end;
  if (gap[j]?.text === '(') while (j < gap.length && gap[j]!.text !== ')') j++;
  if (gap[j]?.text === ')') j++;
  if (gap[j]?.text === ',') {
    const close = gap.findIndex((t, n) => n > j && n - j < 20 && t.text === ',');
    if (close < 0) return false;
    j = close + 1;
  }
  return from >= 0 && verbFollows(gap, j);
}
