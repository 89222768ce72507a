/**
 * The pipeline composed: sources → clean → analyze → Briefing. Pure from sources on; reading files is
 * `ingest()`, writing them is the archive's job.
 */
import { analyze, type StoryHistory } from './analyze/index.js';
import { clean } from './clean/index.js';
import type { Briefing } from './model/briefing.js';
import type { Source } from './model/source.js';
import type { Warning } from './model/warning.js';
import type { AnalyzeOptions } from './options.js';

export interface BuildResult {
  briefing: Briefing;
  warnings: Warning[];
}

/** Build a Briefing from sources already read (and, for a daily brief, what the last one was made from). */
export function buildBriefing(sources: Source[], options: AnalyzeOptions, history: StoryHistory = {}): BuildResult {
  const cleaned = clean(sources);
  const analyzed = analyze(cleaned.documents, options, history);
  return { briefing: analyzed.briefing, warnings: [...cleaned.warnings, ...analyzed.warnings] };
}
