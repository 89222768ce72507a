/**
 * How well each line of the brief is supported, counted in independent origins rather than outlets, and the
 * calibrated words for it that every writer prints. Pure: computed from an item's sources and evidence, the
 * brief's origins and its conflicts.
 */
import type { Briefing, Evidence, Origin, SourceEntry, Support } from '../model/briefing.js';
import { nameKey } from './credits.js';
import { originsFromEntries } from './origins.js';

/** What an item's support is computed from. */
export interface Supported {
  sources: readonly string[];
  evidence: readonly Evidence[];
}

/** The brief-wide facts support is computed against; build once per brief with `supportContext`. */
export interface SupportContext {
  originOf: ReadonlyMap<string, string>;
  outletOf: ReadonlyMap<string, string>;
  labelOf: ReadonlyMap<string, string>;
  /** Origins in the whole brief: with one, no line can be corroborated, and saying so on each would be noise. */
  totalOrigins: number;
  /** "S1:3:1" addresses of every sentence a conflict cites. */
  disputed: ReadonlySet<string>;
}

export const SOURCES_DISAGREE = 'sources disagree';
export const ONE_OUTLET = 'one outlet reports';

const address = (e: Evidence): string => `${e.source}:${e.paragraph}:${e.sentence}`;

/** The origins of a briefing; a briefing made without them (by hand, or by an older version) gets one per outlet. */
export function originsOf(briefing: Pick<Briefing, 'sources'> & { origins?: Origin[] }): Origin[] {
  return briefing.origins && briefing.origins.length > 0 ? briefing.origins : originsFromEntries(briefing.sources);
}

/** The facts `supportOf` needs, from the briefing's sources, origins and conflicts. */
export function supportContext(briefing: Pick<Briefing, 'sources' | 'conflicts'> & { origins?: Origin[] }): SupportContext {
  const origins = originsOf(briefing);
  const originOf = new Map<string, string>();
  const labelOf = new Map<string, string>();
  for (const o of origins) {
    labelOf.set(o.id, o.label);
    for (const id of o.sources) originOf.set(id, o.id);
  }
  const outletOf = new Map(briefing.sources.map((s: SourceEntry) => [s.id, s.outlet?.trim() ? nameKey(s.outlet) : `#${s.id}`] as const));
  const disputed = new Set(briefing.conflicts.flatMap((c) => c.values.flatMap((v) => v.evidence.map(address))));
  return { originOf, outletOf, labelOf, totalOrigins: origins.length, disputed };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The support of one item. */
export function supportOf(item: Supported, context: SupportContext): Support {
  const ids = [...new Set(item.sources)];
  // A source the brief does not list still counts, as its own outlet and origin.
  const outlets = new Set(ids.map((id) => context.outletOf.get(id) ?? `#${id}`)).size;
  const originIds = [...new Set(ids.map((id) => context.originOf.get(id) ?? `#${id}`))];
  const origins = originIds.length;
  if (item.evidence.some((e) => context.disputed.has(address(e)))) {
    return { outlets, origins, level: 'disputed', wording: SOURCES_DISAGREE };
  }
  if (origins >= 2) {
    const wording = origins === outlets ? `reported by ${outlets} independent outlets` : `${plural(outlets, 'outlet')}, ${origins} independent origins`;
    return { outlets, origins, level: 'corroborated', wording };
  }
  if (origins === 0 || context.totalOrigins <= 1) return { outlets, origins, level: 'single', wording: '' };
  const label = context.labelOf.get(originIds[0]!);
  const wording = outlets >= 2 ? `${plural(outlets, 'outlet')}, 1 origin${label ? `: ${label}` : ''}` : ONE_OUTLET;
  return { outlets, origins, level: 'single', wording };
}

/** An item's support: the one analyze() recorded, else computed now (hand-made or older briefings). */
export function supportFor(item: Supported & { support?: Support }, context: SupportContext): Support {
  return item.support ?? supportOf(item, context);
}

/** The briefing with `support` set on every summary point, timeline entry and quote. */
export function withSupport(briefing: Briefing): Briefing {
  const context = supportContext(briefing);
  const add = <T extends Supported>(item: T): T & { support: Support } => ({ ...item, support: supportOf(item, context) });
  return {
    ...briefing,
    summary: briefing.summary.map(add),
    timeline: briefing.timeline.map(add),
    quotes: briefing.quotes.map(add),
  };
}

/** What is said of an origin several sources share: "3 outlets, 1 origin: AP". Null for an origin of one source. */
export function sharedOriginWording(origin: Origin, sources: readonly SourceEntry[]): string | null {
  if (origin.sources.length < 2) return null;
  const members = sources.filter((s) => origin.sources.includes(s.id));
  const outlets = new Set(members.map((s) => (s.outlet?.trim() ? nameKey(s.outlet) : `#${s.id}`))).size;
  const count = outlets >= 2 ? plural(outlets, 'outlet') : plural(origin.sources.length, 'source');
  return `${count}, 1 origin: ${origin.label}`;
}

/** Why sources were found to share an origin, in a few words. */
export const originBasisLabels: Record<Origin['basis'], string> = {
  'shared-text': 'near-identical text',
  credit: 'credit line',
  byline: 'shared byline',
  own: 'same outlet',
};
