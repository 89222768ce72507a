/**
 * What a document says about its people and organisations outside quotation marks: every mention with its
 * sentence, role and gender clues, so pronouns ("she said"), descriptions ("the company said", "the mayor said")
 * and short names ("Varga") resolve to the fullest name the source gives.
 */
import { ORGANISATION_NOUNS, PLACE_PREPOSITIONS, ROLE_NOUNS, TITLES } from './lexicon.js';
import { lastBelow, MentionIndex, type Mention, type Place } from './mentions.js';
import { isNameWord, runEnd } from './names.js';
import { verbFollows } from './phrase-after.js';
import { mentionBefore } from './phrase-before.js';
import { endsSentence, type Token } from './tokens.js';
import type { Gender, SpeakerPhrase } from './types.js';
import { sentenceOrdinal, type ParagraphView } from './view.js';

export type { Mention, Place } from './mentions.js';

/** How far back (in sentences) a pronoun or description may find its antecedent. */
const PRONOUN_WINDOW = 8;

/** How many of the nearest mentions a pronoun weighs: enough for any real paragraph, bounded for hostile ones. */
const PRONOUN_CANDIDATES = 64;

export class DocumentContext {
  readonly mentions: Mention[] = [];
  private readonly index: MentionIndex;
  private readonly genders = new Map<string, { m: number; f: number }>();
  // Answers about a full name never change once the document is read: kept, as names recur in every quote.
  private readonly roles = new Map<string, string | null>();
  private readonly lexicalGenders = new Map<string, Gender>();

  /** `speakers`: names already seen as subjects of speech verbs, so untitled mentions of them count as people. */
  constructor(views: ParagraphView[], speakers: string[]) {
    const known = new Set(speakers);
    const found: Array<Mention & { likely: boolean }> = [];
    for (const view of views) for (const gap of view.gaps) found.push(...scan(view, gap));
    // A person is titled, a speaker, a clause subject or a full name; a bare surname counts once one of those has it.
    const people = new MentionIndex(found.filter((m) => !m.organisation && (m.likely || known.has(m.name))));
    for (const m of found) {
      if (m.organisation || m.likely || known.has(m.name) || people.formsOf(m.name).length > 0) this.mentions.push(m);
    }
    this.index = new MentionIndex(this.mentions);
    for (const view of views) this.learnGender(view);
  }

  /** A person who opens a sentence, then the first he/she/his/her after them in that sentence: one vote. */
  private learnGender(view: ParagraphView): void {
    const tokenAt = new Map<number, { gap: Token[]; at: number }>();
    for (const gap of view.gaps) gap.forEach((t, at) => tokenAt.set(t.start, { gap, at }));
    for (const m of this.mentions) {
      if (m.organisation || !m.subject || m.paragraph !== view.index) continue;
      const found = tokenAt.get(m.offset);
      if (!found) continue;
      const { gap, at } = found;
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
    const forms = this.index.formsOf(name).filter((form) => form.people.length > 0);
    if (forms.length === 0) return name;
    // Mentions up to the end of the place's sentence count as before it.
    const limit = at ? this.index.countThroughSentence(at.sentence) : 0;
    const prior = forms.map((form) => ({ form, last: lastBelow(form.people, limit) })).filter((c) => c.last >= 0);
    const pool = prior.length > 0 ? prior : forms.map((form) => ({ form, last: form.people[form.people.length - 1]! }));
    // The latest full mention before the place wins ties between namesakes ("Pablo Ruiz" vs "Ana Ruiz").
    const longest = Math.max(...pool.map((c) => c.form.words));
    const best = pool.filter((c) => c.form.words === longest).reduce((a, b) => (b.last > a.last ? b : a));
    return best.form.name;
  }

  /** The role the document gives a person, at the first mention that has one. */
  roleOf(fullName: string): string | null {
    if (!this.roles.has(fullName)) {
      const first = Math.min(...this.index.shortFormsOf(fullName).map((f) => (f.firstRole < 0 ? Infinity : f.firstRole)));
      this.roles.set(fullName, Number.isFinite(first) ? this.mentions[first]!.role : null);
    }
    return this.roles.get(fullName)!;
  }

  genderOf(fullName: string): Gender {
    if (!this.lexicalGenders.has(fullName)) {
      const first = Math.min(...this.index.shortFormsOf(fullName).map((f) => (f.firstGender < 0 ? Infinity : f.firstGender)));
      this.lexicalGenders.set(fullName, Number.isFinite(first) ? this.mentions[first]!.gender : null);
    }
    const lexical = this.lexicalGenders.get(fullName);
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
    const end = this.index.countBefore(at);
    const start = Math.max(this.index.countBeforeSentence(at.sentence - PRONOUN_WINDOW), end - PRONOUN_CANDIDATES);
    for (let i = start; i < end; i++) {
      const m = this.mentions[i]!;
      if (m.organisation) continue;
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

  /** Every full name a mention may be short for, the one first mentioned latest last. */
  private fullNames(m: Mention): string[] {
    const limit = this.index.countBefore({ sentence: m.sentence, offset: m.offset + 1 });
    const named = this.index.formsOf(m.name).filter((form) => form.people.length > 0 && form.people[0]! < limit);
    const longest = named.length > 0 ? Math.max(...named.map((form) => form.words)) : 0;
    const full = named.filter((form) => form.words === longest).sort((a, b) => a.people[0]! - b.people[0]!).map((form) => form.name);
    return full.length > 0 ? full : [this.fullName(m.name, m)];
  }

  /** The organisation a description ("the company", "the council") or "it"/"they" stands for. */
  organisationBefore(head: string | null, at: Place, window = Infinity): Mention | null {
    const limit = this.index.countBefore(at);
    // The last one before the place is the nearest: when it is outside the window, all are.
    const near = (m: Mention | undefined) => (m && at.sentence - m.sentence <= window ? m : undefined);
    if (head) {
      const named = near(this.index.lastOrganisation(limit, { word: head }));
      if (named) return named;
    }
    const subject = near(this.index.lastOrganisation(limit, { subject: true }));
    return subject ?? (head ? null : near(this.index.lastOrganisation(limit)) ?? null);
  }

  /** The person a role description ("the mayor", "the chief executive") stands for. */
  personWithRole(head: string, at: Place): Mention | null {
    return this.index.lastPersonWithRoleWord(this.index.countBefore(at), head) ?? null;
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
