/** Words every writer uses for the same thing, so the PDF, Markdown and email say it alike. */
import type { Briefing, Evidence, Origin, QuestionKind, Support } from '../model/briefing.js';
import { originBasisLabels, originsOf, sharedOriginWording, supportContext, supportFor } from '../analyze/support.js';

/** What each kind of open question is called. */
export const questionKindLabels: Record<QuestionKind, string> = {
  pending: 'pending',
  conditional: 'conditional',
  unknown: 'unknown',
  conflict: 'sources disagree',
};

/** The kind as a lead-in or label: "Pending", "Sources disagree". */
export function questionKindTitle(kind: QuestionKind): string {
  const label = questionKindLabels[kind];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** What supports an item: its sources, maybe its evidence (for "sources disagree") and recorded support. */
export type SupportedItem = { sources: readonly string[]; evidence?: readonly Evidence[]; support?: Support };

/**
 * The support wording of each item of a briefing, as every writer prints it: "reported by 3 independent
 * outlets", "3 outlets, 1 origin: AP", "one outlet reports", "sources disagree", or "" (nothing to say: the
 * whole brief rests on one origin). The item's recorded support wins; a hand-made item gets it computed.
 */
export function supportWordings(briefing: SupportBriefing): (item: SupportedItem) => string {
  const context = supportContext(briefing);
  return (item) => supportFor({ sources: item.sources, evidence: item.evidence ?? [], ...(item.support ? { support: item.support } : {}) }, context).wording;
}

type SupportBriefing = Pick<Briefing, 'sources' | 'conflicts'> & { origins?: Origin[] };

/** An origin several sources share, as the Sources section shows it. */
export interface SharedOrigin {
  id: string;
  /** The sources that share it: ["S1", "S2"]. */
  sources: string[];
  /** "3 outlets, 1 origin: AP (credit line)". */
  wording: string;
}

/** The origins of two or more sources, in origin order; none when every source is its own origin. */
export function sharedOrigins(briefing: SupportBriefing): SharedOrigin[] {
  return originsOf(briefing).flatMap((o) => {
    const wording = sharedOriginWording(o, briefing.sources);
    return wording === null ? [] : [{ id: o.id, sources: [...o.sources], wording: `${wording} (${originBasisLabels[o.basis]})` }];
  });
}
