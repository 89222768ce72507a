/** briefwright's public API. */
export { buildBrief, type BriefRequest, type BriefResult } from './brief.js';
export { buildBriefing, type BuildResult } from './pipeline.js';
export { ingest } from './ingest/index.js';
export { clean } from './clean/index.js';
export { analyze } from './analyze/index.js';
export { writers } from './render/index.js';
export { BriefwrightError, ErrorCode, exitCodes } from './errors.js';
export { defaultAnalyzeOptions, defaultOutputOptions, type AnalyzeOptions, type OutputOptions } from './options.js';
export * from './model/briefing.js';
export type { Source, SourceMeta, Document, Paragraph, Sentence, Block } from './model/source.js';
export { warningKinds, formatWarning, type Warning, type WarningKind } from './model/warning.js';
export type { Writer, RenderContext, OutputFormat, PageSize } from './render/types.js';
export { loadTheme, defaultTheme, type Theme } from './render/theme.js';
export { verifyArchive, type VersionCheck } from './archive/verify.js';
export { listArchive, type ListedBrief } from './archive/list.js';
export { diffBriefings } from './archive/diff.js';
export { sendVersion, resolveVersionDir, type SendRequest, type SendReport } from './deliver/index.js';
export { loadBriefConfig, type BriefConfig, type BriefSettings } from './config/brief-config.js';
