/** `brief extract <input..>`: what a brief would read from each input, as JSON, text or Markdown. */
import type { Argv } from 'yargs';
import { BriefwrightError, ErrorCode } from '../../errors.js';
import { extractArticles, type Extraction } from '../../extract/index.js';
import { extractionsJson, extractionsMarkdown, extractionsText } from '../../extract/format.js';
import { loadInputs } from '../../ingest/index.js';
import type { Warning } from '../../model/warning.js';
import { resolveBuildOptions } from '../config.js';
import type { Reporter } from '../report.js';

const WRITERS = { json: extractionsJson, text: extractionsText, md: extractionsMarkdown } as const;

export function extractCommand(yargs: Argv, reporter: () => Reporter) {
  return yargs.command(
    'extract <inputs..>',
    'Show what a brief would read from pages, files and feeds: metadata, paragraphs, and every block dropped and why',
    (y) =>
      y
        .positional('inputs', { type: 'string', array: true, describe: 'Files, folders or URLs' })
        .option('format', { choices: ['json', 'text', 'md'] as const, default: 'text' as const, describe: 'Output: JSON (one object per article, an array for several), text or Markdown' })
        .option('date', { type: 'string', describe: 'Reference date YYYY-MM-DD for dates written without a year', defaultDescription: 'today' })
        .option('allow-private', { type: 'boolean', default: false, describe: 'Fetch URLs on loopback and private addresses too (refused by default)' })
        .option('max-file-size', { type: 'string', describe: 'Largest input read (e.g. 16MB)', defaultDescription: '16MB' })
        .example('$0 extract saved/page.html', 'the paragraphs a brief would read, and what was dropped')
        .example('$0 extract https://news.example/story.html', 'a page fetched (cached nowhere: extract never writes)')
        .example('$0 extract feed.xml --format md', 'every item of a feed')
        .example('$0 extract saved/page.html --format json', 'the same as JSON: {title, outlet, published, author, url, paragraphs, dropped}'),
    async (argv) => {
      const { analyze, input } = resolveBuildOptions({ sources: [], ...(argv.date === undefined ? {} : { date: argv.date }), ...(argv.maxFileSize === undefined ? {} : { maxFileSize: argv.maxFileSize }) });
      const loaded = await loadInputs(argv.inputs as string[], {
        referenceDate: analyze.date,
        maxFileBytes: input.maxFileBytes,
        allowPrivate: argv.allowPrivate,
        onProgress: (m) => reporter().progress(m),
      });
      const warnings: Warning[] = [...loaded.warnings];
      const extractions: Extraction[] = [];
      for (const one of loaded.inputs) {
        const result = extractArticles(one, analyze.date);
        extractions.push(...result.extractions);
        warnings.push(...result.warnings);
      }
      reporter().warnings(warnings);
      if (extractions.length === 0) throw new BriefwrightError(ErrorCode.NO_SOURCES, 'no article could be read from the inputs');
      process.stdout.write(WRITERS[argv.format](extractions));
    },
  );
}
