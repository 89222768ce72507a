/** `brief verify [path]`: check archived versions against their manifests; one line per version. */
import type { Argv } from 'yargs';
import { assertVerified, checkLine, verifyArchive } from '../../archive/verify.js';
import type { Reporter } from '../report.js';

export function verifyCommand(yargs: Argv, reporter: () => Reporter) {
  return yargs.command(
    'verify [path]',
    'Check archived versions against their manifests (sizes and SHA-256 of every file)',
    (y) =>
      y
        .positional('path', { type: 'string', default: 'out', describe: 'A version, date or brief folder, or the whole archive' })
        .option('inputs', { type: 'boolean', default: false, describe: 'Also check the input files still at their recorded paths' })
        .example('$0 verify', 'every version in out/')
        .example('$0 verify out/harbour-bridge/2023-03-09/v2', 'one version')
        .example('$0 verify out/harbour-bridge --inputs', 'one brief, and the articles it was built from'),
    async (argv) => {
      reporter().progress(`verifying ${argv.path}`);
      const checks = await verifyArchive(argv.path, { inputs: argv.inputs });
      for (const check of checks) process.stdout.write(`${checkLine(check)}\n`);
      assertVerified(checks);
    },
  );
}
