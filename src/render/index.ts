/** The writers table: one Writer per output format. Callers pick writers here and never import them directly. */
import { BriefwrightError, ErrorCode } from '../errors.js';
import { jsonWriter } from './json.js';
import { markdownWriter } from './markdown.js';
import { pdfWriter } from './pdf/index.js';
import type { OutputFormat, Writer } from './types.js';

/** Every output format and the writer that produces it. */
export const writers: Record<OutputFormat, Writer> = {
  json: jsonWriter,
  md: markdownWriter,
  pdf: pdfWriter,
};

/** The writer for a format name; an unknown name (from a config file or script) is a USAGE error. */
export function writerFor(format: string): Writer {
  if (!Object.hasOwn(writers, format)) {
    const known = Object.keys(writers).join(', ');
    throw new BriefwrightError(ErrorCode.USAGE, `unknown output format "${format}"; briefwright writes ${known}`);
  }
  return writers[format as OutputFormat];
}
