/**
 * The name mentions of one document, in document order, indexed so that each question the quote finder asks
 * ("the fullest form of this name before here", "the last organisation before here") is a lookup and a binary
 * search rather than a pass over every mention: a source with thousands of names stays linear.
 */
import { firstIndex, push } from '../lists.js';
import { foldName, isShortFormOf, surnameOf } from './names.js';
import type { Gender } from './types.js';

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

/** True when `m` comes before `at` (mentions are ordered by sentence, then offset). */
export const before = (m: Mention, at: Place): boolean => m.sentence < at.sentence || (m.sentence === at.sentence && m.offset < at.offset);

/** One distinct name as written, and where it is mentioned. */
export interface NameForm {
  name: string;
  words: number;
  /** Indices of its mentions as a person (not an organisation), ascending. */
  people: number[];
  /** Index of its first mention with a role that is more than an honorific, or -1. */
  firstRole: number;
  /** Index of its first mention with a gender clue, or -1. */
  firstGender: number;
}

const HONORIFIC_ROLE = /^(?:mr|mrs|ms|miss|dr|sir|dame)\.?$/i;

/** Whether a role counts as one (not a bare "Mr."). */
export const isRealRole = (role: string | null): role is string => role !== null && !HONORIFIC_ROLE.test(role);

export class MentionIndex {
  private readonly formsBySurname = new Map<string, NameForm[]>();
  private readonly organisations: number[] = [];
  private readonly organisationSubjects: number[] = [];
  private readonly organisationsByWord = new Map<string, number[]>();
  private readonly peopleByRoleWord = new Map<string, number[]>();

  /** `mentions` in document order. */
  constructor(readonly mentions: readonly Mention[]) {
    const forms = new Map<string, NameForm>();
    mentions.forEach((m, i) => {
      let form = forms.get(m.name);
      if (!form) {
        form = { name: m.name, words: m.name.split(' ').length, people: [], firstRole: -1, firstGender: -1 };
        forms.set(m.name, form);
        const surname = surnameOf(m.name);
        if (surname !== '') push(this.formsBySurname, surname, form);
      }
      if (form.firstRole < 0 && isRealRole(m.role)) form.firstRole = i;
      if (form.firstGender < 0 && m.gender !== null) form.firstGender = i;
      if (m.organisation) {
        this.organisations.push(i);
        if (m.subject) this.organisationSubjects.push(i);
        for (const word of new Set(foldName(m.name).split(' '))) push(this.organisationsByWord, word, i);
      } else {
        form.people.push(i);
        if (m.role !== null) for (const word of new Set(foldName(m.role).split(/[\s-]+/))) push(this.peopleByRoleWord, word, i);
      }
    });
  }

  /** Distinct names `short` can be a short form of ("Varga" → "Tomas Varga", "Varga"), in first-mention order. */
  formsOf(short: string): NameForm[] {
    return (this.formsBySurname.get(surnameOf(short)) ?? []).filter((form) => isShortFormOf(short, form.name));
  }

  /** Distinct names that can be short forms of `full`, in first-mention order. */
  shortFormsOf(full: string): NameForm[] {
    return (this.formsBySurname.get(surnameOf(full)) ?? []).filter((form) => isShortFormOf(form.name, full));
  }

  /** How many mentions come before `at`. */
  countBefore(at: Place): number {
    return firstIndex(this.mentions, (m) => !before(m, at));
  }

  /** How many mentions lie in sentences up to and including `sentence`. */
  countThroughSentence(sentence: number): number {
    return firstIndex(this.mentions, (m) => m.sentence > sentence);
  }

  /** How many mentions lie in sentences before `sentence`. */
  countBeforeSentence(sentence: number): number {
    return firstIndex(this.mentions, (m) => m.sentence >= sentence);
  }

  /** The last organisation mention before index `limit` (among all, subjects, or those with `word` in their name). */
  lastOrganisation(limit: number, which: { subject?: boolean; word?: string } = {}): Mention | undefined {
    const list = which.word !== undefined ? this.organisationsByWord.get(which.word) ?? [] : which.subject ? this.organisationSubjects : this.organisations;
    return this.at(lastBelow(list, limit));
  }

  /** The last person mention before index `limit` whose role has `word` in it. */
  lastPersonWithRoleWord(limit: number, word: string): Mention | undefined {
    return this.at(lastBelow(this.peopleByRoleWord.get(word) ?? [], limit));
  }

  private at(index: number): Mention | undefined {
    return index < 0 ? undefined : this.mentions[index];
  }
}

/** The largest entry of ascending `indices` below `limit`, or -1. */
export function lastBelow(indices: readonly number[], limit: number): number {
  const n = firstIndex(indices, (i) => i >= limit);
  return n > 0 ? indices[n - 1]! : -1;
}

