/** `brief email <folder|latest>`: flags and environment → SendRequest → sendVersion → report. */
import type { Argv } from 'yargs';
import { sendVersion, resolveVersionDir, type SendReport, type SendRequest } from '../../deliver/index.js';
import { BriefwrightError, ErrorCode } from '../../errors.js';
import type { Reporter } from '../report.js';

/** The email command's flags as yargs parsed them. */
export interface EmailFlags {
  folder: string;
  to: string[];
  cc?: string[];
  from?: string;
  subject?: string;
  smtp?: string;
  dryRun?: boolean;
  eml?: string;
  resend?: boolean;
  out?: string;
}

/** Flags first, then BRIEF_FROM / BRIEF_SMTP_URL from the environment. */
export async function resolveEmailRequest(flags: EmailFlags, env: NodeJS.ProcessEnv = process.env): Promise<SendRequest> {
  const from = flags.from ?? env['BRIEF_FROM'];
  if (from === undefined || from.trim() === '') {
    throw new BriefwrightError(ErrorCode.USAGE, 'no sender: give --from "Name <address>" or set BRIEF_FROM');
  }
  const smtpUrl = flags.smtp ?? (env['BRIEF_SMTP_URL'] || undefined);
  const dryRun = flags.dryRun === true;
  if (!dryRun && smtpUrl === undefined && flags.eml === undefined) {
    throw new BriefwrightError(ErrorCode.USAGE, 'no SMTP server: give --smtp URL or set BRIEF_SMTP_URL (or use --dry-run to only write the .eml)');
  }
  const request: SendRequest = {
    versionDir: await resolveVersionDir(flags.folder, flags.out ?? 'out'),
    to: flags.to.map(String),
    from,
    dryRun,
    resend: flags.resend === true,
  };
  if (flags.cc !== undefined) request.cc = flags.cc.map(String);
  if (flags.subject !== undefined) request.subject = flags.subject;
  if (smtpUrl !== undefined) request.smtpUrl = smtpUrl;
  if (flags.eml !== undefined) request.emlPath = flags.eml;
  return request;
}

/**
 * Per-recipient outcome to stderr, the Message-ID to stdout, and the exit status of mixed outcomes:
 * DELIVERY_UNKNOWN (11) when any recipient's delivery is unknown (from this send or an earlier one), as that
 * asks for a person to check before anything is sent again; else PARTIAL_DELIVERY (10) when some got it and
 * others were refused. (Nobody reached and nobody in doubt is DELIVERY, 9, thrown by sendVersion.)
 * `label` prefixes each line (the brief's name when `brief run` sends several).
 */
export function reportDelivery(report: SendReport, request: SendRequest, out: Reporter, label = ''): void {
  const prefix = label ? `${label}: ` : '';
  const say = (line: string) => out.info(`${prefix}${line}`);
  out.warnings(report.warnings);
  for (const address of report.skipped) say(`skipped ${address}: already received this version (--resend sends it again)`);
  for (const address of report.skippedUnknown) {
    out.error(`${prefix}skipped ${address}: an earlier send of this version may or may not have reached them (delivery unknown); --resend sends it again`);
  }
  for (const address of report.accepted) say(`sent to ${address}`);
  for (const r of report.rejected) out.error(`${prefix}not delivered to ${r.address}: ${r.reason}`);
  for (const r of report.unknown) out.error(`${prefix}delivery to ${r.address} unknown: ${r.reason}; not sent again (--resend sends it again)`);
  const sent = request.smtpUrl !== undefined && !request.dryRun;
  if (report.emlPath !== null) say(`wrote ${report.emlPath}${sent ? '' : ' (nothing sent)'}`);
  if (report.messageId === null) say('nothing to send: every recipient already received this version, or its delivery to them is unknown');
  else process.stdout.write(`${report.messageId}\n`);
  const inDoubt = [...report.unknown.map((r) => r.address), ...report.skippedUnknown];
  if (inDoubt.length > 0) {
    const others = [`${report.accepted.length} delivered`, `${report.rejected.length} refused`].join(', ');
    throw new BriefwrightError(
      ErrorCode.DELIVERY_UNKNOWN,
      `delivery unknown for ${inDoubt.join(', ')} (${others}): the connection ended after the message was handed over and before the server answered, ` +
        'so it may have arrived; it is not sent again unless you ask with --resend (check with them first)',
    );
  }
  if (report.rejected.length > 0 && report.accepted.length > 0) {
    const refused = report.rejected.map((r) => r.address).join(', ');
    const total = report.accepted.length + report.rejected.length;
    throw new BriefwrightError(ErrorCode.PARTIAL_DELIVERY, `delivered to ${report.accepted.length} of ${total} recipients; not to ${refused}`);
  }
}

export function emailCommand(yargs: Argv, reporter: () => Reporter) {
  return yargs.command(
    'email <folder>',
    'Email an archived version to stakeholders: summary in the body, the PDF attached',
    (y) =>
      y
        .positional('folder', {
          type: 'string',
          demandOption: true,
          describe: 'A version folder (out/<slug>/<date>/v<N>), "latest" (the only brief in --out), or "<slug>/latest"',
        })
        .option('to', { type: 'string', array: true, demandOption: true, describe: 'Recipient address; repeat for more ("Name <a@x.org>" works)' })
        .option('cc', { type: 'string', array: true, describe: 'Copy recipient; repeat for more' })
        .option('from', { type: 'string', describe: 'Sender, "Name <address>"', defaultDescription: '$BRIEF_FROM' })
        .option('subject', { type: 'string', describe: 'Subject line', defaultDescription: '"<title> — <date> (v<N>)"' })
        .option('smtp', {
          type: 'string',
          describe:
            'SMTP server: smtps://[user:password@]host[:465] (TLS) or smtp://…[:587] (STARTTLS when offered; ?requireTLS=true to insist). ' +
            'Add ?tls.rejectUnauthorized=false only for a relay with a self-signed certificate you trust',
          defaultDescription: '$BRIEF_SMTP_URL',
        })
        .option('dry-run', { type: 'boolean', default: false, describe: 'Write the .eml and send nothing' })
        .option('eml', { type: 'string', describe: 'Also write the message to this .eml file', defaultDescription: 'with --dry-run: <slug>-<date>-v<N>.eml' })
        .option('resend', { type: 'boolean', default: false, describe: 'Send even to recipients the send log says already have this version' })
        .option('out', { type: 'string', describe: 'Archive folder, for "latest"', defaultDescription: 'out' })
        .example('$0 email latest --to ana@example.org --from desk@example.org --dry-run', 'write the email of the newest version as an .eml; send nothing')
        .example(
          '$0 email harbour-bridge/latest --to ana@example.org --to ben@example.org',
          'send the newest version of one brief, with BRIEF_SMTP_URL=smtps://user:password@mail.example.org and BRIEF_FROM set (keeps the password out of shell history)',
        )
        .example(
          '$0 email out/harbour-bridge/2023-03-09/v2 --to team@example.org --cc chief@example.org --from desk@example.org --smtp smtp://relay.internal:25',
          'send one given version through an internal relay',
        )
        .epilog(
          'Recipients who already received the version (out/<slug>/send-log.jsonl) are skipped unless --resend. ' +
            'Temporary failures are tried up to 4 times, waiting 1, 2, then 4 s, but never after the whole message was handed over: ' +
            'if the connection then ends before the server answers, delivery is unknown, logged as such, and not sent again unless --resend. ' +
            "A message over the server's SIZE limit is not sent. " +
            'Exit status 9: nobody received it (or it is too large); 10: some recipients were refused; ' +
            '11: delivery to some recipients is unknown (11 wins over 10 when both happen).',
        ),
    async (argv) => {
      const out = reporter();
      const request = await resolveEmailRequest(argv as unknown as EmailFlags);
      request.onProgress = (m) => out.progress(m);
      reportDelivery(await sendVersion(request), request, out);
    },
  );
}
