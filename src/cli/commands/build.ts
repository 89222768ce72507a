/** `brief build <sources..>`: flags → options → buildBrief → print the version folder. */
import type { Argv } from 'yargs';
import { buildBrief } from '../../brief.js';
import { resolveBuildOptions, type BuildFlags } from '../config.js';
import type { Reporter } from '../report.js';

export function buildCommand(yargs: Argv, reporter: () => Reporter) {
  return yargs.command(
    'build <sources..>',
    'Build a brief from article files and folders',
    (y) =>
      y
        .positional('sources', { type: 'string', array: true, demandOption: true, describe: 'Files and folders of articles (a folder means every supported file in it)' })
        .option('date', { type: 'string', describe: 'Briefing date, YYYY-MM-DD; the reference for relative dates in undated sources', defaultDescription: 'today' })
        .option('out', { type: 'string', describe: 'Archive folder', defaultDescription: 'out' })
        .option('format', { type: 'string', describe: 'Comma-separated outputs: pdf, md, json', defaultDescription: 'pdf,md,json' })
        .option('title', { type: 'string', describe: 'Title of the brief', defaultDescription: 'best headline among the sources' })
        .option('slug', { type: 'string', describe: 'Folder name of the brief in the archive', defaultDescription: 'from the title' })
        .option('summary-words', { type: 'number', describe: 'Word budget of the summary', defaultDescription: '150' })
        .option('templates', { type: 'string', describe: 'Folder of Markdown templates overriding the bundled ones' })
        .option('page-size', { type: 'string', describe: 'PDF page size: A4 or Letter', defaultDescription: 'A4' })
        .option('strict', { type: 'boolean', default: false, describe: 'Fail instead of building when an input cannot be read' })
        .example('$0 build seeds', 'brief from every article in seeds/, dated today')
        .example('$0 build seeds --date 2022-02-21 --format pdf,md', 'PDF and Markdown only, for a past date')
        .example('$0 build a.html b.txt --title "Harbour bridge" --out briefs', 'named files, own title and archive'),
    async (argv) => {
      const report = reporter();
      const { analyze, output } = resolveBuildOptions(argv as unknown as BuildFlags);
      const result = await buildBrief({
        inputs: argv.sources as string[],
        analyze,
        output,
        strictInputs: argv.strict,
        onProgress: (m) => report.progress(m),
      });
      report.warnings(result.warnings);
      if (!result.version.created) {
        report.info(`unchanged since v${result.version.version}: same inputs and options, no new version written`);
      }
      process.stdout.write(`${result.version.dir}\n`);
    },
  );
}
