/** `brief build <sources..>` or `brief build --config brief.yaml`: flags (over the config) → options → buildBrief → print the version folder. */
import type { Argv } from 'yargs';
import { buildBrief } from '../../brief.js';
import { loadBriefConfig } from '../../config/brief-config.js';
import { BriefwrightError, ErrorCode } from '../../errors.js';
import { resolveBuildOptions, type BuildFlags } from '../config.js';
import { buildJob, forEachJob, plannedJobs, type JobFlags } from '../jobs.js';
import type { Reporter } from '../report.js';

export function buildCommand(yargs: Argv, reporter: () => Reporter) {
  return yargs.command(
    'build [sources..]',
    'Build a brief from article files and folders, or every brief of a config file',
    (y) =>
      y
        .positional('sources', { type: 'string', array: true, describe: 'Files and folders of articles (a folder means every supported file in it)' })
        .option('config', { alias: 'c', type: 'string', describe: 'brief.yaml describing one or many briefs (instead of sources); flags override it' })
        .option('only', { type: 'string', array: true, describe: 'With --config: build only the briefs with these slugs (or titles)' })
        .option('date', { type: 'string', describe: 'Briefing date, YYYY-MM-DD; the reference for relative dates in undated sources', defaultDescription: 'today' })
        .option('out', { type: 'string', describe: 'Archive folder', defaultDescription: 'out' })
        .option('format', { type: 'string', describe: 'Comma-separated outputs: pdf, md, json', defaultDescription: 'pdf,md,json' })
        .option('title', { type: 'string', describe: 'Title of the brief', defaultDescription: 'best headline among the sources' })
        .option('slug', { type: 'string', describe: 'Folder name of the brief in the archive', defaultDescription: 'from the title' })
        .option('summary-words', { type: 'number', describe: 'Word budget of the summary', defaultDescription: '150' })
        .option('keep-all', { type: 'boolean', describe: 'Analyse every source, even one that tells another story than the rest (left out by default, with a warning)' })
        .option('templates', { type: 'string', describe: 'Folder of Markdown templates overriding the bundled ones' })
        .option('page-size', { type: 'string', describe: 'PDF page size: A4 or Letter', defaultDescription: 'A4' })
        .option('theme', { type: 'string', describe: 'PDF theme file (YAML or JSON): fonts, colours, logo, banner; see themes/default.yaml' })
        .option('banner', { type: 'string', describe: 'Distribution banner on every PDF page, e.g. "INTERNAL — DO NOT FORWARD"' })
        .option('max-file-size', { type: 'string', describe: 'Largest source file read (e.g. 16MB, 800KB); a larger one is rejected by name unread', defaultDescription: '16MB' })
        .option('since', { type: 'string', describe: 'Keep only feed items published within this span before now: 90m, 24h, 3d', defaultDescription: 'every item' })
        .option('allow-private', { type: 'boolean', describe: 'Fetch URLs on loopback and private addresses too (refused by default)' })
        .option('strict', { type: 'boolean', default: false, describe: 'Fail instead of building when an input cannot be read' })
        .example('$0 build seeds', 'brief from every article in seeds/, dated today')
        .example('$0 build seeds --date 2022-02-21 --format pdf,md', 'PDF and Markdown only, for a past date')
        .example('$0 build a.html b.txt --title "Harbour bridge" --out briefs', 'named files, own title and archive')
        .example('$0 build https://news.example/feed.xml --since 24h', 'a feed\'s items of the last day (teasers fetched; pages cached beside the archive)')
        .example('$0 build saved/port --keep-all', 'analyse every article, even one the others do not write about')
        .example('$0 build --config brief.yaml', 'every brief of a config file, each dated today in its own timezone')
        .example('$0 build seeds --theme themes/navy.yaml --banner "INTERNAL — DO NOT FORWARD"', 'PDF in a theme, with a banner on every page'),
    async (argv) => {
      const report = reporter();
      const sources = (argv.sources as string[] | undefined) ?? [];
      if (argv.config !== undefined) {
        if (sources.length > 0) throw new BriefwrightError(ErrorCode.USAGE, 'give sources or --config, not both (the config names each brief\'s sources)');
        for (const flag of ['title', 'slug'] as const) {
          if (argv[flag] !== undefined) throw new BriefwrightError(ErrorCode.USAGE, `--${flag} cannot be used with --config: set it per brief in the config`);
        }
        const jobs = plannedJobs(loadBriefConfig(argv.config), argv as unknown as JobFlags);
        await forEachJob(jobs, report, async (job) => {
          await buildJob(job, argv.strict, report);
        });
        return;
      }
      if (sources.length === 0) throw new BriefwrightError(ErrorCode.USAGE, 'name the articles to read (files or folders), or give --config brief.yaml');
      if (argv.only !== undefined) throw new BriefwrightError(ErrorCode.USAGE, '--only needs --config');
      const { analyze, output, input } = resolveBuildOptions(argv as unknown as BuildFlags);
      const result = await buildBrief({
        inputs: sources,
        analyze,
        output,
        input,
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
