/**
 * Independent origins: which sources are one piece of reporting. Wire copy reprinted by several outlets is
 * one origin, found from near-identical paragraphs, credit lines naming the same agency, or a shared byline;
 * several articles of one outlet are one origin too (one newsroom). Pure: documents in, origins out.
 */
import type { Origin, OriginBasis, SourceEntry } from '../model/briefing.js';
import type { Document } from '../model/source.js';
import { agencyLabel, creditsOf, looksLikeOrganisation, nameKey, type Credits } from './credits.js';
import { sharedTextLinks } from './shared-text.js';

/** What is shown for an origin of outlets that share text but name no agency. */
export const SHARED_COPY_LABEL = 'shared copy';
/** What is shown for a source whose outlet is unknown. */
export const UNKNOWN_OUTLET_LABEL = 'outlet unknown';

/** Which link joined two sources; the strongest present names the origin's basis. */
const BASIS_ORDER: readonly OriginBasis[] = ['credit', 'shared-text', 'byline', 'own'];

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const [x, y] = [this.find(a), this.find(b)];
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

/** What one source brings to the grouping. */
interface SourceFacts {
  id: string;
  outlet: string | null;
  /** Folded outlet name, or null when unknown. */
  outletKey: string | null;
  /** Folded names of credited organisations other than the outlet itself, with their labels. */
  agencies: Map<string, string>;
  /** Folded names of people in its byline and credits. */
  people: Map<string, string>;
}

function factsOf(doc: Document): SourceFacts {
  const credits: Credits = creditsOf(doc.source);
  const outlet = doc.source.meta.outlet?.trim() || null;
  const outletKey = outlet === null ? null : nameKey(outlet);
  const agencies = new Map<string, string>();
  for (const name of credits.agencies) {
    const key = nameKey(name);
    // An outlet crediting itself ("HARBOURTON (Gazette) —" in the Gazette) is its own reporting.
    if (key.length > 0 && key !== outletKey && !agencies.has(key)) agencies.set(key, agencyLabel(name));
  }
  const people = new Map<string, string>();
  for (const name of credits.people) people.set(nameKey(name), name);
  return { id: doc.source.id, outlet, outletKey, agencies, people };
}

/** Pairs of sources (by index) joined by a key they share: an agency, an outlet or a person. */
function linkByKey(keysOf: (f: SourceFacts) => Iterable<string>, facts: readonly SourceFacts[], join: (a: number, b: number) => void): void {
  const first = new Map<string, number>();
  facts.forEach((f, i) => {
    for (const key of keysOf(f)) {
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, i);
      else if (earlier !== i) join(earlier, i);
    }
  });
}

/** Group documents into origins. Every source is in exactly one origin; ids O1… follow the first source of each. */
export function findOrigins(documents: readonly Document[]): Origin[] {
  const facts = documents.map(factsOf);
  const groups = new UnionFind(facts.length);
  const bases = new Map<string, Set<OriginBasis>>();
  const joined = (basis: OriginBasis) => (a: number, b: number) => {
    groups.union(a, b);
    for (const i of [a, b]) {
      const set = bases.get(facts[i]!.id) ?? new Set<OriginBasis>();
      set.add(basis);
      bases.set(facts[i]!.id, set);
    }
  };
  // A credited agency is also matched against outlets of that name: the agency's own article is the origin.
  linkByKey((f) => [...f.agencies.keys(), ...(f.outletKey ? [f.outletKey] : [])].filter((k) => isCreditKey(k, facts)), facts, joined('credit'));
  for (const { a, b } of sharedTextLinks(documents)) joined('shared-text')(a, b);
  linkByKey((f) => f.people.keys(), facts, joined('byline'));
  linkByKey((f) => (f.outletKey ? [f.outletKey] : []), facts, joined('own'));

  const members = new Map<number, number[]>();
  facts.forEach((_, i) => {
    const root = groups.find(i);
    members.set(root, [...(members.get(root) ?? []), i]);
  });
  return [...members.values()].map((list, n) => {
    const group = list.map((i) => facts[i]!);
    const found = new Set(group.flatMap((f) => [...(bases.get(f.id) ?? [])]));
    const credited = group.some((f) => f.agencies.size > 0);
    const basis = BASIS_ORDER.find((b) => found.has(b)) ?? (credited ? 'credit' : 'own');
    return { id: `O${n + 1}`, label: labelOf(group, basis), sources: group.map((f) => f.id), basis };
  });
}

/** A key that some source credits as an agency (an outlet name alone links nothing here). */
function isCreditKey(key: string, facts: readonly SourceFacts[]): boolean {
  return facts.some((f) => f.agencies.has(key));
}

/** The name an origin goes by: the agency credited most, an agency among the outlets, the one outlet, the shared reporter. */
function labelOf(group: readonly SourceFacts[], basis: OriginBasis): string {
  const credited = new Map<string, { label: string; count: number }>();
  for (const f of group) {
    for (const [key, label] of f.agencies) {
      const seen = credited.get(key);
      credited.set(key, { label: seen?.label ?? label, count: (seen?.count ?? 0) + 1 });
    }
  }
  const top = [...credited.values()].sort((a, b) => b.count - a.count)[0];
  if (top) return top.label;
  // Each outlet once, as its first source spells it.
  const named = new Map<string, string>();
  for (const f of group) if (f.outlet !== null && !named.has(f.outletKey!)) named.set(f.outletKey!, f.outlet);
  const outlets = [...named.values()];
  const agencyOutlet = outlets.find((o) => looksLikeOrganisation(o) && /\b(?:Wire|Press|Presse|Agency|Newswire|Service)\b|^\p{Lu}{2,6}$/u.test(o));
  if (outlets.length > 1 && agencyOutlet) return agencyLabel(agencyOutlet);
  // One named outlet: the copies of unknown outlet carry its text, so it is where the copy comes from.
  if (outlets.length === 1) return outlets[0]!;
  if (group.length === 1) return UNKNOWN_OUTLET_LABEL;
  if (basis === 'byline') {
    const shared = sharedPerson(group);
    if (shared) return shared;
  }
  return SHARED_COPY_LABEL;
}

/** A person named by two or more sources of the group. */
function sharedPerson(group: readonly SourceFacts[]): string | undefined {
  const count = new Map<string, { name: string; n: number }>();
  for (const f of group) for (const [key, name] of f.people) count.set(key, { name, n: (count.get(key)?.n ?? 0) + 1 });
  return [...count.values()].filter((c) => c.n > 1).sort((a, b) => b.n - a.n)[0]?.name;
}

/**
 * One origin per outlet, for a briefing that was written before origins were recorded: the sources' texts
 * are gone, so only what the list of sources shows (the outlet) can group them.
 */
export function originsFromEntries(sources: readonly SourceEntry[]): Origin[] {
  const byOutlet = new Map<string, { label: string; ids: string[] }>();
  for (const s of sources) {
    const outlet = s.outlet?.trim() || null;
    const key = outlet === null ? `\u0000${s.id}` : nameKey(outlet);
    const entry = byOutlet.get(key) ?? { label: outlet ?? UNKNOWN_OUTLET_LABEL, ids: [] };
    entry.ids.push(s.id);
    byOutlet.set(key, entry);
  }
  return [...byOutlet.values()].map((o, n) => ({ id: `O${n + 1}`, label: o.label, sources: o.ids, basis: 'own' as const }));
}

/** The source entries with each one's origin id set. */
export function withOrigins(sources: readonly SourceEntry[], origins: readonly Origin[]): SourceEntry[] {
  const originOf = new Map(origins.flatMap((o) => o.sources.map((id) => [id, o.id] as const)));
  return sources.map((s) => ({ ...s, origin: originOf.get(s.id) ?? s.origin }));
}
