/** `brief list [out]`: the briefs, dates and versions in an archive, as text or JSON. */
import type { Argv } from 'yargs';
import { listArchive, listingText } from '../../archive/list.js';
import type { Reporter } from '../report.js';

export function listCommand(yargs: Argv, reporter: () => Reporter) {
  return yargs.command(
    'list [out]',
    'List the archived briefs, dates and versions',
    (y) =>
      y
        .positional('out', { type: 'string', default: 'out', describe: 'The archive (or one brief or date folder in it)' })
        .option('json', { type: 'boolean', default: false, describe: 'Print machine-readable JSON' })
        .example('$0 list', 'everything in out/')
        .example('$0 list briefs --json', 'the archive in briefs/, as JSON'),
    async (argv) => {
      const briefs = await listArchive(argv.out);
      if (argv.json) {
        process.stdout.write(`${JSON.stringify({ briefs }, null, 2)}\n`);
      } else if (briefs.length === 0) {
        reporter().info(`no archived versions in ${argv.out}`);
      } else {
        process.stdout.write(listingText(briefs));
      }
    },
  );
}
