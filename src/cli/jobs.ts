/**
 * Configured briefs turned into build jobs: defaults < brief.yaml < flags, resolved once through the same
 * validation as the build command's flags, with each brief's date taken in its own time zone.
 */
import { DateTime } from 'luxon';
import { displayPath } from '../archive/walk.js';
import { buildBrief, type BriefResult } from '../brief.js';
import { todayIn, type BriefConfig, type BriefSettings, type EmailSettings } from '../config/brief-config.js';
import { expandSources } from '../config/source-globs.js';
import { BriefwrightError, ErrorCode } from '../errors.js';
import type { AnalyzeOptions, InputOptions, OutputOptions } from '../options.js';
import { resolveBuildOptions, type BuildFlags } from './config.js';
import type { Reporter } from './report.js';

/** Flags that override every configured brief. */
export type JobFlags = Omit<BuildFlags, 'sources' | 'title' | 'slug'> & {
  /** Build only the briefs with these names (slug, else title). */
  only?: string[];
};

export interface BuildJob {
  name: string;
  inputs: string[];
  /** Source patterns that matched no file. */
  unmatched: string[];
  analyze: AnalyzeOptions;
  output: OutputOptions;
  input: InputOptions;
  email?: EmailSettings;
}

/** A configured brief waiting to be built: its settings and the command line's flags over them. */
export interface PlannedJob {
  name: string;
  settings: BriefSettings;
  flags: JobFlags;
  now: DateTime;
}

/** The briefs of a config file to run, in file order; `--only` names that match no brief are a usage error. */
export function plannedJobs(config: BriefConfig, flags: JobFlags, now: DateTime = DateTime.now()): PlannedJob[] {
  const unknown = (flags.only ?? []).filter((name) => !config.briefs.some((b) => b.name === name));
  if (unknown.length > 0) {
    const known = config.briefs.map((b) => b.name).join(', ');
    throw new BriefwrightError(ErrorCode.USAGE, `--only: no brief named ${unknown.map((n) => `"${n}"`).join(', ')} in ${config.path} (it has: ${known})`);
  }
  const chosen = flags.only?.length ? config.briefs.filter((b) => flags.only!.includes(b.name)) : config.briefs;
  return chosen.map((settings) => ({ name: settings.name, settings, flags, now }));
}

/** Resolve a planned brief into a build job (its options checked, its source patterns expanded). */
export async function resolveJob(plan: PlannedJob): Promise<BuildJob> {
  const { settings, flags, now } = plan;
  const expanded = await expandSources([...settings.sources, ...(settings.feeds ?? [])], settings.base);
  const { analyze, output, input } = resolveBuildOptions(buildFlagsOf(settings, flags, now));
  const job: BuildJob = { name: settings.name, inputs: expanded.paths, unmatched: expanded.unmatched, analyze, output, input };
  if (settings.email) job.email = settings.email;
  return job;
}

/** One brief's settings with the command line's flags laid over them, in the build command's terms. */
function buildFlagsOf(settings: BriefSettings, flags: JobFlags, now: DateTime): BuildFlags {
  const merged: BuildFlags = { sources: [...settings.sources, ...(settings.feeds ?? [])], date: flags.date ?? todayIn(settings.timezone, now) };
  const pick = <K extends keyof BuildFlags>(key: K, fromFile: BuildFlags[K] | undefined) => {
    const value = flags[key as keyof JobFlags] ?? fromFile;
    if (value !== undefined) merged[key] = value as BuildFlags[K];
  };
  pick('out', settings.out);
  pick('format', settings.formats?.join(','));
  pick('pageSize', settings.pageSize);
  pick('summaryWords', settings.summaryWords);
  pick('keepAll', settings.keepAll);
  pick('templates', settings.templates);
  pick('theme', settings.theme);
  pick('banner', settings.banner);
  pick('maxFileSize', settings.maxFileSize);
  pick('allowPrivate', settings.allowPrivate);
  pick('since', settings.since);
  if (settings.title !== undefined) merged.title = settings.title;
  if (settings.slug !== undefined) merged.slug = settings.slug;
  return merged;
}

/**
 * Run `fn` for every job; one failing does not stop the others. Throws, after all have run, with the first
 * failure's code and the names of every job that failed.
 */
export async function forEachJob(plans: readonly PlannedJob[], report: Reporter, fn: (job: BuildJob) => Promise<void>): Promise<void> {
  const failures: Array<{ job: PlannedJob; error: BriefwrightError }> = [];
  for (const plan of plans) {
    try {
      await fn(await resolveJob(plan));
    } catch (error) {
      if (!(error instanceof BriefwrightError)) throw error;
      report.error(`${plan.name}: ${error.message}`);
      failures.push({ job: plan, error });
    }
  }
  if (failures.length > 0) {
    const names = failures.map((f) => f.job.name).join(', ');
    throw new BriefwrightError(failures[0]!.error.code, `${failures.length} of ${plans.length} brief(s) failed: ${names}`);
  }
}

/** Build one configured brief and print its version folder (relative to the working folder when inside it). */
export async function buildJob(job: BuildJob, strictInputs: boolean, report: Reporter): Promise<BriefResult> {
  for (const pattern of job.unmatched) report.info(`${job.name}: no file matches ${pattern}`);
  if (job.inputs.length === 0) throw new BriefwrightError(ErrorCode.NO_SOURCES, 'no sources: none of its patterns matched a file');
  const result = await buildBrief({
    inputs: job.inputs,
    analyze: job.analyze,
    output: job.output,
    input: job.input,
    strictInputs,
    onProgress: (m) => report.progress(`${job.name}: ${m}`),
  });
  report.warnings(result.warnings);
  if (!result.version.created) report.info(`${job.name}: unchanged since v${result.version.version}: same inputs and options, no new version written`);
  process.stdout.write(`${displayPath(result.version.dir)}\n`);
  return result;
}
