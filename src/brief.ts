/**
 * The main job as a library call: read the inputs, build the Briefing, render every requested format and
 * archive them as the next version. The CLI's `build` command is a thin layer over this.
 */
import { join } from 'node:path';
import { readArchivedVersion } from './archive/compare.js';
import { earlierBrief } from './archive/earlier.js';
import { diffBriefings } from './archive/diff.js';
import { writeVersion, type VersionResult } from './archive/store.js';
import { fingerprintOf, MANIFEST_VERSION, type Manifest } from './archive/manifest.js';
import { slugify } from './archive/slug.js';
import { BriefwrightError, ErrorCode } from './errors.js';
import { ingest } from './ingest/index.js';
import type { Briefing } from './model/briefing.js';
import { warning, type Warning } from './model/warning.js';
import type { AnalyzeOptions, InputOptions, OutputOptions } from './options.js';
import { FETCH_CACHE_DIR, toolName, toolVersion } from './paths.js';
import { buildBriefing, type BuildResult } from './pipeline.js';
import type { Source } from './model/source.js';
import { writers } from './render/index.js';
import { loadTheme } from './render/theme.js';
import type { RenderContext } from './render/types.js';

export interface BriefRequest {
  /** Files and folders to read. */
  inputs: string[];
  analyze: AnalyzeOptions;
  output: OutputOptions;
  /** How input files are read (size cap); the defaults when absent. */
  input?: InputOptions;
  /** Refuse to build when any input had to be rejected, instead of building from the rest. */
  strictInputs?: boolean;
  /** Told about each stage as it starts, for progress on long runs. */
  onProgress?: (message: string) => void;
}

export interface BriefResult {
  briefing: Briefing;
  version: VersionResult;
  warnings: Warning[];
}

export async function buildBrief(request: BriefRequest): Promise<BriefResult> {
  const progress = request.onProgress ?? (() => {});
  // Read and check the PDF theme before any work, so a bad theme file fails fast and writes nothing.
  const theme = loadTheme(request.output.themePath);
  progress(`reading ${request.inputs.join(', ')}`);
  const read = await ingest(request.inputs, {
    referenceDate: request.analyze.date,
    ...request.input,
    // Beside the archive, so a rerun from cron reads what the first run fetched.
    cacheDir: join(request.output.outDir, FETCH_CACHE_DIR),
    onProgress: progress,
  });
  const rejected = read.warnings.filter((w) => w.kind === 'input-rejected');
  if (request.strictInputs && rejected.length > 0) {
    const list = rejected.map((w) => `${w.source ?? '?'}: ${w.reason}`).join('; ');
    throw new BriefwrightError(ErrorCode.INPUT, `${rejected.length} input(s) rejected (strict mode): ${list}`);
  }
  progress(`analysing ${read.sources.length} source${read.sources.length === 1 ? '' : 's'}`);
  const { built, slug } = await buildAgainstEarlier(request, read.sources, progress);
  const { briefing } = built;
  const warnings = [...read.warnings, ...built.warnings];

  // The theme's digest covers its colours, banner, font and logo bytes: editing the theme file is a change.
  const options = {
    analyze: request.analyze,
    output: { ...request.output, outDir: undefined },
    ...(request.output.themePath !== undefined ? { themeDigest: theme.digest } : {}),
  };
  const inputs = read.sources.map((s) => ({ path: s.path, entry: s.entry, sha256: s.sha256, meta: s.meta }));
  const fingerprint = fingerprintOf({ tool: `${toolName} ${toolVersion}`, options, inputs });
  const generator = `${toolName} ${toolVersion}`;

  const renderWarnings: Warning[] = [];
  let versioned: Briefing = briefing;
  const version = await writeVersion({
    outDir: request.output.outDir,
    slug,
    date: briefing.date,
    fingerprint,
    async render(versionNumber) {
      // render may run again under another number after a race: start this attempt's warnings afresh.
      renderWarnings.length = 0;
      versioned = await withChanges(briefing, join(request.output.outDir, slug, briefing.date), versionNumber, renderWarnings);
      const context: RenderContext = { version: versionNumber, generator, pageSize: request.output.pageSize, theme };
      if (request.output.templatesDir !== undefined) context.templatesDir = request.output.templatesDir;
      if (request.output.banner !== undefined) context.banner = request.output.banner;
      const files = [];
      for (const format of request.output.formats) {
        progress(`rendering ${format}`);
        const writer = writers[format];
        const written = await writer.write(versioned, context);
        renderWarnings.push(...written.warnings);
        files.push({ name: `briefing.${writer.extension}`, bytes: written.bytes });
      }
      return files;
    },
    manifest(versionNumber, outputs): Manifest {
      const seen = new Set<string>();
      return {
        manifestVersion: MANIFEST_VERSION,
        tool: { name: toolName, version: toolVersion },
        brief: { title: briefing.title, slug, date: briefing.date, version: versionNumber },
        createdAt: new Date().toISOString(),
        fingerprint,
        options,
        inputs: read.sources
          .filter((s) => !seen.has(s.path) && seen.add(s.path))
          .map((s) => ({ path: s.path, sha256: s.sha256 })),
        outputs,
        warnings: [...warnings, ...renderWarnings],
      };
    },
  });
  return { briefing: versioned, version, warnings: version.created ? version.manifest.warnings : [...warnings, ...version.warnings] };
}

/**
 * Build the Briefing, and on a daily brief (its slug has an earlier version) lead with what the inputs
 * add to the last one. Without a configured slug the slug comes from the first build's title, so the
 * build runs again only when an earlier brief exists and some inputs are new to it.
 */
async function buildAgainstEarlier(
  request: BriefRequest,
  sources: Source[],
  progress: (message: string) => void,
): Promise<{ built: BuildResult; slug: string }> {
  const { outDir } = request.output;
  const given = request.output.slug;
  const history = async (slug: string) => {
    const earlier = await earlierBrief(outDir, slug, request.analyze.date);
    const fresh = earlier ? sources.filter((s) => !earlier.inputs.has(s.sha256)).length : 0;
    if (!earlier || fresh === 0 || fresh === sources.length) return undefined;
    progress(`leading with what ${fresh} new source${fresh === 1 ? '' : 's'} add to ${earlier.date} v${earlier.version}`);
    return { earlierInputs: earlier.inputs };
  };
  if (given !== undefined) {
    const earlier = await history(given);
    return { built: buildBriefing(sources, request.analyze, earlier ?? {}), slug: given };
  }
  const first = buildBriefing(sources, request.analyze);
  const slug = slugify(first.briefing.title);
  const earlier = await history(slug);
  return { built: earlier ? buildBriefing(sources, request.analyze, earlier) : first, slug };
}

/**
 * The briefing with "What changed since v<N-1>" when it becomes version N > 1 of its brief and date; when
 * the previous version cannot be read, the briefing as it is and a warning saying why.
 */
async function withChanges(briefing: Briefing, dateDir: string, version: number, warnings: Warning[]): Promise<Briefing> {
  if (version <= 1) return briefing;
  try {
    const previous = await readArchivedVersion(join(dateDir, `v${version - 1}`));
    return { ...briefing, changes: diffBriefings(previous.briefing, briefing, version - 1) };
  } catch (error) {
    if (!(error instanceof BriefwrightError)) throw error;
    warnings.push(warning('render-note', 'archive', `no "What changed since v${version - 1}" section: ${error.message}`));
    return briefing;
  }
}
