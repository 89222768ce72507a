/**
 * `brief run --config brief.yaml`: the daily job. Builds every configured brief and emails each new
 * version to its recipients. One brief failing does not stop the others; the exit status is the first
 * failure's.
 */
import type { Argv } from 'yargs';
import { loadBriefConfig, type EmailSettings } from '../../config/brief-config.js';
import { sendVersion, type SendRequest } from '../../deliver/index.js';
import { BriefwrightError, ErrorCode } from '../../errors.js';
import { buildJob, forEachJob, plannedJobs, type BuildJob, type JobFlags } from '../jobs.js';
import type { Reporter } from '../report.js';
import { reportDelivery } from './email.js';

interface RunFlags extends JobFlags {
  config: string;
  dryRun: boolean;
  smtp?: string;
  resend: boolean;
  strict: boolean;
}

export function runCommand(yargs: Argv, reporter: () => Reporter) {
  return yargs.command(
    'run',
    'Build every brief in a config file and email each to its recipients',
    (y) =>
      y
        .option('config', { alias: 'c', type: 'string', demandOption: true, describe: 'brief.yaml (or .json) describing the briefs' })
        .option('only', { type: 'string', array: true, describe: 'Run only the briefs with these slugs (or titles)' })
        .option('date', { type: 'string', describe: 'Briefing date, YYYY-MM-DD', defaultDescription: "today in each brief's timezone" })
        .option('out', { type: 'string', describe: 'Archive folder, for every brief', defaultDescription: 'from the config, else out' })
        .option('smtp', { type: 'string', describe: 'SMTP server URL (smtp:// or smtps://)', defaultDescription: 'email.smtp in the config, else $BRIEF_SMTP_URL' })
        .option('dry-run', { type: 'boolean', default: false, describe: 'Build, and write each email as <slug>-<date>-v<N>.eml in the working folder, but send nothing' })
        .option('resend', { type: 'boolean', default: false, describe: 'Send again to recipients who already received this version' })
        .option('keep-all', { type: 'boolean', describe: 'Analyse every source, even one that tells another story than the rest', defaultDescription: 'keepAll in the config, else off' })
        .option('since', { type: 'string', describe: 'Keep only feed items published within this span before now: 90m, 24h, 3d', defaultDescription: 'every item' })
        .option('allow-private', { type: 'boolean', describe: 'Fetch URLs on loopback and private addresses too (refused by default)' })
        .option('max-file-size', { type: 'string', describe: 'Largest source file read (e.g. 16MB); a larger one is rejected by name unread', defaultDescription: 'maxFileSize in the config, else 16MB' })
        .option('strict', { type: 'boolean', default: false, describe: 'Fail a brief instead of building it when an input cannot be read' })
        .example('$0 run --config brief.yaml', 'the morning job: build and email every brief')
        .example('$0 run -c brief.yaml --only harbour-bridge --dry-run', 'one brief, email written as .eml, nothing sent')
        .example('$0 run -c brief.yaml --keep-all', 'every brief built from all its sources, none left out as another story'),
    async (argv) => {
      const report = reporter();
      const flags = argv as unknown as RunFlags;
      const jobs = plannedJobs(loadBriefConfig(flags.config), flags);
      await forEachJob(jobs, report, async (job) => {
        const result = await buildJob(job, flags.strict, report);
        if (job.email) await emailJob(job, job.email, result.version.dir, flags, report);
      });
    },
  );
}

async function emailJob(job: BuildJob, email: EmailSettings, versionDir: string, flags: RunFlags, report: Reporter): Promise<void> {
  if (!job.output.formats.includes('pdf')) {
    throw new BriefwrightError(ErrorCode.CONFIG, 'has email recipients but no pdf in its formats: the email attaches the PDF');
  }
  const from = email.from ?? process.env['BRIEF_FROM'];
  if (!from) throw new BriefwrightError(ErrorCode.CONFIG, 'email has no "from" address (set email.from in the config or BRIEF_FROM)');
  const smtpUrl = flags.smtp ?? email.smtp ?? (process.env['BRIEF_SMTP_URL'] || undefined);
  if (!flags.dryRun && smtpUrl === undefined) {
    throw new BriefwrightError(ErrorCode.CONFIG, 'has email recipients but no SMTP server: set email.smtp, BRIEF_SMTP_URL or --smtp (or use --dry-run)');
  }
  const request: SendRequest = {
    versionDir,
    to: email.to,
    cc: email.cc,
    from,
    dryRun: flags.dryRun,
    resend: flags.resend,
    onProgress: (m) => report.progress(`${job.name}: ${m}`),
  };
  if (email.subject !== undefined) request.subject = email.subject;
  if (smtpUrl !== undefined) request.smtpUrl = smtpUrl;
  reportDelivery(await sendVersion(request), request, report, job.name);
}
