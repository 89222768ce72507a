/** Words every writer uses for the same thing, so the PDF, Markdown and email say it alike. */
import type { QuestionKind } from '../model/briefing.js';

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

/**
 * How many of the brief's sources carry an item: "2 sources", or "single source" when only one of several
 * does (a claim nobody else confirms). Null when the brief has one source, or the item none.
 */
export function carriedLabel(ids: readonly string[], totalSources: number): string | null {
  if (totalSources <= 1 || ids.length === 0) return null;
  return ids.length === 1 ? SINGLE_SOURCE : `${ids.length} sources`;
}

export const SINGLE_SOURCE = 'single source';
