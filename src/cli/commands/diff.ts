/** `brief diff <a> <b>`: what changed from one archived version to another. */
import type { Argv } from 'yargs';
import { changeReport, compareVersions } from '../../archive/compare.js';
import type { Reporter } from '../report.js';

export function diffCommand(yargs: Argv, _reporter: () => Reporter) {
  return yargs.command(
    'diff <a> <b>',
    'Show what changed between two archived versions (summary, timeline, key quotes, questions)',
    (y) =>
      y
        .positional('a', { type: 'string', demandOption: true, describe: 'The older version folder' })
        .positional('b', { type: 'string', demandOption: true, describe: 'The newer version folder' })
        .option('json', { type: 'boolean', default: false, describe: 'Print the change set as JSON' })
        .example('$0 diff out/harbour-bridge/2023-03-09/v1 out/harbour-bridge/2023-03-09/v2', 'v1 → v2')
        .example('$0 diff out/harbour-bridge/2023-03-08/v3 out/harbour-bridge/2023-03-09/v1 --json', 'across days, as JSON'),
    async (argv) => {
      const { from, to, changes } = await compareVersions(argv.a, argv.b);
      process.stdout.write(argv.json ? `${JSON.stringify(changes, null, 2)}\n` : changeReport(from, to, changes));
    },
  );
}
