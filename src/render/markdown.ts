/**
 * The Markdown writer: the Briefing through Handlebars templates (templates/briefing.md.hbs and
 * templates/partials/*.md.hbs, overridable per file with RenderContext.templatesDir).
 * Templates get the Briefing's own fields plus a few derived ones (see MarkdownView), so that a
 * user's template needs no logic beyond {{#if}} and {{#each}}.
 */
import Handlebars from 'handlebars';
import type { Briefing, ChangeSet, LeftOutSource, Quote, SummaryPoint } from '../model/briefing.js';
import { sharedOrigins, type SharedOrigin } from './labels.js';
import { registerMarkdownHelpers } from './markdown-helpers.js';
import { compileTemplateSet, loadTemplateSet } from './templates.js';
import type { RenderContext, Writer } from './types.js';

/** What the Markdown templates see: the Briefing, the render context and values derived for layout. */
export interface MarkdownView extends Omit<Briefing, 'changes' | 'sourcesLeftOut'> {
  version: number;
  generator: string;
  /** The first summary point, or null when the summary is empty. */
  bottomLine: SummaryPoint | null;
  /** The summary points after the bottom line. */
  points: SummaryPoint[];
  /** The quotes marked key, full quotations before partial ones, otherwise in the Briefing's order. */
  keyQuotes: Quote[];
  /** What changed since the previous version, or null on a first version. */
  changes: ChangeSet | null;
  /** The non-empty lists of `changes`, labelled for reading ("New in the summary"). */
  changeLists: ChangeList[];
  /** How many different outlets the sources come from (unknown outlets not counted). */
  outletCount: number;
  /** Sources left out as telling another story (listed under Sources, cited nowhere); empty when none was. */
  sourcesLeftOut: LeftOutSource[];
  /** Origins that several sources share ("2 outlets, 1 origin: AP (credit line)"), for the Sources section. */
  sharedOrigins: SharedOrigin[];
}

/** Build the template view of a Briefing. */
export function markdownView(briefing: Briefing, context: RenderContext): MarkdownView {
  const key = briefing.quotes.filter((q) => q.key);
  return {
    ...briefing,
    version: context.version,
    generator: context.generator,
    bottomLine: briefing.summary[0] ?? null,
    points: briefing.summary.slice(1),
    changes: briefing.changes ?? null,
    sourcesLeftOut: briefing.sourcesLeftOut ?? [],
    changeLists: briefing.changes ? changeLists(briefing.changes) : [],
    keyQuotes: [...key.filter((q) => !q.partial), ...key.filter((q) => q.partial)],
    outletCount: new Set(briefing.sources.flatMap((s) => (s.outlet === null ? [] : [s.outlet.trim().toLowerCase()])))
      .size,
    sharedOrigins: sharedOrigins(briefing),
  };
}

export interface ChangeList {
  label: string;
  items: string[];
}

/** The lists of a ChangeSet in reading order, each with its label; empty ones left out. Shared by the writers. */
export function changeLists(changes: ChangeSet): ChangeList[] {
  const lists: ChangeList[] = [
    { label: 'New in the summary', items: changes.summary.added },
    { label: 'Dropped from the summary', items: changes.summary.dropped },
    { label: 'New on the timeline', items: changes.timeline.added },
    { label: 'Dropped from the timeline', items: changes.timeline.dropped },
    { label: 'New quotes', items: changes.quotes.added },
    { label: 'Dropped quotes', items: changes.quotes.dropped },
    { label: 'Questions opened', items: changes.questions.added },
    { label: 'Questions answered or dropped', items: changes.questions.dropped },
  ];
  return lists.filter((l) => l.items.length > 0);
}

/**
 * Make template output tidy whatever the templates' whitespace: no trailing spaces, no runs of blank lines,
 * no leading blank lines, exactly one final newline (markdownlint MD009, MD012, MD047).
 */
export function tidyMarkdown(text: string): string {
  return joinTidyLines(text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/[ \t]+$/, '')));
}

/** Lines joined with no leading or repeated blank lines and exactly one final newline. */
export function joinTidyLines(lines: readonly string[]): string {
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return `${kept.join('\n')}\n`;
}

/** Render a Briefing as Markdown text; template problems throw BriefwrightError(RENDER) naming the file. */
export function renderMarkdown(briefing: Briefing, context: RenderContext): string {
  // An isolated instance: helpers and partials registered here never leak into other writers or callers.
  const hb = Handlebars.create();
  registerMarkdownHelpers(hb);
  const templates = loadTemplateSet('md', context.templatesDir);
  const render = compileTemplateSet(hb, templates, { noEscape: true, strict: true });
  return tidyMarkdown(render(markdownView(briefing, context)));
}

/** Writes the Briefing as briefing.md (UTF-8). */
export const markdownWriter: Writer = {
  format: 'md',
  extension: 'md',
  mediaType: 'text/markdown; charset=utf-8',
  async write(briefing, context) {
    return { bytes: new TextEncoder().encode(renderMarkdown(briefing, context)), warnings: [] };
  },
};
