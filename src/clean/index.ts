/**
 * clean(sources) → documents: normalise every block, split blocks whose lines are separate things, drop
 * what is not the story, drop paragraphs a source repeats, number what is left 1..n. Every drop is a
 * warning; only whitespace disappears silently.
 */
import type { Block, Document, Paragraph, Source } from '../model/source.js';
import { warning, type Position, type Warning } from '../model/warning.js';
import { findBoilerplate } from './boilerplate.js';
import { dedupeWithinSource } from './dedupe.js';
import { unitsOf, type Unit } from './lines.js';

export { boilerplateRules, findBoilerplate, type BoilerplateRule } from './boilerplate.js';
export { comparisonKey, dedupeWithinSource, findCrossSourceRepeats, type ParagraphRef } from './dedupe.js';
export { normalizeInline, normalizeText } from './normalize.js';

export interface CleanResult {
  documents: Document[];
  warnings: Warning[];
  /** What each document lost, in full (warnings carry only an excerpt): `brief extract` shows it. */
  dropped: Map<Document, DroppedBlock[]>;
}

/** A block cleaning left out, with the rule that left it out. */
export interface DroppedBlock {
  rule: string;
  text: string;
  position: Position;
}

/** Clean every source; documents come back in the order the sources were given. */
export function clean(sources: readonly Source[]): CleanResult {
  const warnings: Warning[] = [];
  const dropped = new Map<Document, DroppedBlock[]>();
  const documents = sources.map((source) => {
    const lost: DroppedBlock[] = [];
    const doc = cleanSource(source, warnings, lost);
    dropped.set(doc, lost);
    return doc;
  });
  return { documents, warnings, dropped };
}

/** Where a dropped unit was: its line when known, else its block number in the raw source; and the entry of a list file. */
function positionOf(unit: Unit, source: Source): Position {
  const position: Position = unit.line !== undefined ? { line: unit.line } : { paragraph: unit.block };
  if (source.entry !== undefined) position.entry = source.entry;
  return position;
}

function cleanSource(source: Source, warnings: Warning[], lost: DroppedBlock[]): Document {
  const units = source.blocks.flatMap((block, i) => unitsOf(block, i + 1));
  const blocks: Block[] = units.map((u) => ({ text: u.text, role: u.role }));
  const rules = findBoilerplate(blocks);

  const story: Unit[] = [];
  units.forEach((unit, i) => {
    const rule = rules[i];
    if (rule === undefined) {
      story.push(unit);
      return;
    }
    lost.push({ rule: rule.id, text: unit.text, position: positionOf(unit, source) });
    warnings.push(
      warning('boilerplate-dropped', 'clean', `Dropped ${rule.description} (rule ${rule.id}).`, {
        source: source.path,
        position: positionOf(unit, source),
        text: unit.text,
      }),
    );
  });

  const { kept, dropped } = dedupeWithinSource(story);
  const paragraphs: Paragraph[] = kept.map((unit, i) => {
    const p: Paragraph = { index: i + 1, text: unit.text, role: unit.role };
    if (unit.line !== undefined) p.line = unit.line;
    return p;
  });
  const indexOf = new Map(kept.map((unit, i) => [unit, i + 1]));
  for (const { item, copyOf } of dropped) {
    lost.push({ rule: 'repeat', text: item.text, position: positionOf(item, source) });
    warnings.push(
      warning('duplicate-dropped', 'clean', `Dropped a repeat of paragraph ${indexOf.get(copyOf)} of the same source.`, {
        source: source.path,
        position: positionOf(item, source),
        text: item.text,
      }),
    );
  }
  return { source, paragraphs };
}
