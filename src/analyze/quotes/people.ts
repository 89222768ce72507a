/**
 * One person, one name across sources: a speaker named "Varga" in one article and "Tomas Varga" in another is
 * given the fullest name any source uses for them, and the role any source gives when their own does not.
 */
import { foldName, isShortFormOf, surnameOf } from './names.js';
import type { FoundQuote } from './types.js';

/** Quotes with every speaker's name replaced by the fullest compatible name in the corpus, and roles filled in. */
export function unifySpeakers(found: FoundQuote[]): FoundQuote[] {
  const names = new Map<string, number>();
  for (const q of found) if (q.speaker) names.set(q.speaker.name, (names.get(q.speaker.name) ?? 0) + 1);
  // A short form shares its surname with the full name, so only namesakes are compared.
  const bySurname = new Map<string, Map<string, number>>();
  for (const [name, count] of names) {
    const key = surnameOf(name);
    const group = bySurname.get(key);
    if (group) group.set(name, count);
    else bySurname.set(key, new Map([[name, count]]));
  }
  const canonical = new Map<string, string>();
  for (const name of names.keys()) canonical.set(name, fullestForm(name, bySurname.get(surnameOf(name))!));
  const roles = new Map<string, string>();
  for (const q of found) {
    const name = q.speaker ? canonical.get(q.speaker.name)! : null;
    if (name && q.speaker?.role && !roles.has(foldName(name))) roles.set(foldName(name), q.speaker.role);
  }
  return found.map((q) => {
    if (!q.speaker) return q;
    const name = canonical.get(q.speaker.name)!;
    return { ...q, speaker: { name, role: q.speaker.role ?? roles.get(foldName(name)) ?? null } };
  });
}

/**
 * The longest name `name` is a short form of; among namesakes of equal length, the one quoted most often
 * (a lone "Ruiz" goes to whichever Ruiz the sources quote more).
 */
function fullestForm(name: string, counts: Map<string, number>): string {
  let best = name;
  let bestLength = name.split(' ').length;
  let bestCount = counts.get(name) ?? 0;
  for (const [other, count] of counts) {
    if (other === name || !isShortFormOf(name, other)) continue;
    const length = other.split(' ').length;
    if (length > bestLength || (length === bestLength && count > bestCount)) {
      best = other;
      bestLength = length;
      bestCount = count;
    }
  }
  return best;
}
