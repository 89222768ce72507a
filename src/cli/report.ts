/**
 * Everything the CLI tells a person goes through here, to stderr (stdout is for data such as the version
 * folder). Warnings are printed from the data the stages recorded.
 */
import { formatWarning, type Warning, type WarningKind } from '../model/warning.js';

export interface Reporter {
  progress(message: string): void;
  info(message: string): void;
  warnings(list: Warning[]): void;
  error(message: string): void;
}

/** Kinds a user should see one by one even without --verbose: each may need them to act. */
const ALWAYS_SHOWN: ReadonlySet<WarningKind> = new Set([
  'input-rejected',
  'override-unmatched',
  'metadata-missing',
  'date-reference-assumed',
  'source-off-topic',
  'glyph-missing',
  'archive-lock-recovered',
]);

export interface ReporterOptions {
  verbose: boolean;
  quiet: boolean;
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
}

export function createReporter({ verbose, quiet, stream = process.stderr }: ReporterOptions): Reporter {
  const write = (line: string) => stream.write(`${line}\n`);
  const showProgress = !quiet && (verbose || stream.isTTY === true);
  return {
    progress(message) {
      if (showProgress) write(`brief: ${message}…`);
    },
    info(message) {
      if (!quiet) write(`brief: ${message}`);
    },
    warnings(list) {
      if (quiet) return;
      const hidden = new Map<WarningKind, number>();
      for (const w of list) {
        if (verbose || ALWAYS_SHOWN.has(w.kind)) write(`warning: ${formatWarning(w)}`);
        else hidden.set(w.kind, (hidden.get(w.kind) ?? 0) + 1);
      }
      if (hidden.size > 0) {
        const counts = [...hidden].map(([kind, n]) => `${n} ${kind}`).join(', ');
        write(`brief: also ${counts} (details with --verbose and in manifest.json)`);
      }
    },
    error(message) {
      write(`brief: error: ${message}`);
    },
  };
}
