/**
 * The command line: yargs parses, commands call the library, and this is the one place errors are caught
 * and turned into a message and an exit status. Anything that is not a BriefwrightError is a bug.
 */
import yargs from 'yargs';
import { BriefwrightError, ErrorCode, exitCodes } from '../errors.js';
import { toolVersion } from '../paths.js';
import { buildCommand } from './commands/build.js';
import { diffCommand } from './commands/diff.js';
import { emailCommand } from './commands/email.js';
import { extractCommand } from './commands/extract.js';
import { listCommand } from './commands/list.js';
import { runCommand } from './commands/run.js';
import { verifyCommand } from './commands/verify.js';
import { createReporter, type Reporter } from './report.js';

/** Run the CLI with these arguments; resolves to the process exit status. */
export async function run(argv: string[]): Promise<number> {
  let reporter: Reporter = createReporter({ verbose: false, quiet: false });
  const cli = yargs(argv)
    .scriptName('brief')
    .usage('$0 <command> [options]\n\nTurn a folder of news articles about one story into a briefing: PDF, Markdown and JSON.')
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'Show progress and every warning' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Show errors only' })
    .middleware((args) => {
      reporter = createReporter({ verbose: Boolean(args.verbose), quiet: Boolean(args.quiet) });
    })
    .demandCommand(1, 'Name a command, e.g. brief build seeds')
    .strict()
    .version(toolVersion)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stderr.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new BriefwrightError(ErrorCode.USAGE, message);
    });
  buildCommand(cli, () => reporter);
  emailCommand(cli, () => reporter);
  runCommand(cli, () => reporter);
  verifyCommand(cli, () => reporter);
  listCommand(cli, () => reporter);
  diffCommand(cli, () => reporter);
  extractCommand(cli, () => reporter);

  try {
    await cli.parseAsync();
    return 0;
  } catch (error) {
    if (error instanceof BriefwrightError) {
      reporter.error(error.message);
      if (error.code === ErrorCode.USAGE) process.stderr.write('Run "brief --help" for usage.\n');
      return exitCodes[error.code];
    }
    process.stderr.write(`brief: internal error (a bug; please report it with the command you ran):\n${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}
