/**
 * The email body: the Briefing through templates/email/brief.html.hbs (HTML, escaped by Handlebars) and
 * brief.txt.hbs (the plain-text alternative). Every label is computed here, so the templates need nothing
 * beyond {{#if}} and {{#each}}; sections are the ones a reader acts on from a phone: bottom line, key
 * points, what is scheduled, open questions, and where it all comes from.
 */
import Handlebars from 'handlebars';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { BriefwrightError, ErrorCode } from '../errors.js';
import type { Briefing } from '../model/briefing.js';
import { templatesDir } from '../paths.js';
import { dateConflictLabel, dayLabel, longDateLabel, spanLabel } from '../render/date-labels.js';
import { questionKindLabels, questionKindTitle, sharedOrigins, supportWordings, type SupportedItem } from '../render/labels.js';
import { compileTemplateSet, type TemplateSet } from '../render/templates.js';
import { wrapText } from './wrap.js';

/** What the email templates see. */
export interface EmailView {
  title: string;
  version: number;
  /** "Monday 21 February 2022 · Version 2 · 3 sources from 2 outlets". */
  meta: string;
  /** False when the version has no briefing.json: the body then only points to the attachment. */
  hasContent: boolean;
  bottomLine: EmailItem | null;
  points: EmailItem[];
  scheduled: EmailItem[];
  questions: EmailItem[];
  sources: EmailSource[];
  /** Origins several sources share, as "[S1, S2] 2 outlets, 1 origin: AP (credit line)". */
  sharedOrigins: EmailOrigin[];
  /** Sources left out of the analysis as telling another story: listed so that none of the inputs vanishes. */
  leftOut: EmailLeftOut[];
  /** File name of the attached PDF. */
  attachment: string;
  generator: string;
}

export interface EmailItem {
  text: string;
  /** "[S1, S2]", or "" when the item cites nothing. */
  cite: string;
  /** A short label before the text: the date of a scheduled item, the kind of a question; "" when none. */
  label: string;
  /** How well it is supported ("reported by 2 independent outlets", "one outlet reports"); "" when nothing is said. */
  support: string;
}

export interface EmailOrigin {
  /** "[S1, S2]". */
  cite: string;
  /** "2 outlets, 1 origin: AP (credit line)". */
  wording: string;
}

export interface EmailSource {
  id: string;
  outlet: string | null;
  title: string | null;
  /** "Wed 8 Mar 2023", or null when unknown. */
  published: string | null;
  /** Only http(s) addresses become links; anything else is left out of the email. */
  url: string | null;
}

export interface EmailLeftOut {
  id: string;
  outlet: string | null;
  title: string | null;
}

export interface BodyContext {
  title: string;
  date: string;
  version: number;
  attachment: string;
  generator: string;
}

const cite = (ids: readonly string[]): string => (ids.length === 0 ? '' : `[${ids.join(', ')}]`);

const webUrl = (url: string | null): string | null => (url !== null && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : null);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function metaLine(b: Briefing | null, context: BodyContext): string {
  const parts = [longDateLabel(context.date), `Version ${context.version}`];
  if (b !== null && b.sources.length > 0) {
    const outlets = new Set(b.sources.flatMap((s) => (s.outlet === null ? [] : [s.outlet.trim().toLowerCase()]))).size;
    parts.push(`${plural(b.sources.length, 'source')}${outlets > 0 ? ` from ${plural(outlets, 'outlet')}` : ''}`);
  }
  return parts.join(' · ');
}

/** Build the template view; `briefing` null gives a body with the title block only. */
export function emailView(briefing: Briefing | null, context: BodyContext): EmailView {
  const b = briefing;
  const wording = b === null ? () => '' : supportWordings(b);
  // Questions carry no support wording: their kind already says what is open.
  const item = (text: string, supported: SupportedItem, label = '', withSupport = true): EmailItem => ({
    text,
    cite: cite(supported.sources),
    label,
    support: withSupport ? wording(supported) : '',
  });
  const bottom = b?.summary[0];
  return {
    title: context.title,
    version: context.version,
    meta: metaLine(b, context),
    hasContent: b !== null,
    bottomLine: bottom === undefined ? null : item(bottom.text, bottom),
    points: (b?.summary.slice(1) ?? []).map((p) => item(p.text, p)),
    scheduled: (b?.timeline ?? [])
      .filter((t) => t.scheduled)
      // An event the sources date differently shows both dates, as the PDF and Markdown do.
      .map((t) => item(t.text, t, t.conflict ? `${dateConflictLabel(t.conflict)}: ${questionKindLabels.conflict}` : spanLabel(t))),
    questions: (b?.questions ?? []).map((q) => item(q.text, q, questionKindTitle(q.kind), false)),
    sources: (b?.sources ?? []).map((s) => ({
      id: s.id,
      outlet: s.outlet,
      title: s.title,
      published: s.published === null ? null : dayLabel(s.published),
      url: webUrl(s.url),
    })),
    sharedOrigins: b === null ? [] : sharedOrigins(b).map((o) => ({ cite: cite(o.sources), wording: o.wording })),
    leftOut: (b?.sourcesLeftOut ?? []).map((s) => ({ id: s.id, outlet: s.outlet, title: s.title })),
    attachment: context.attachment,
    generator: context.generator,
  };
}

/** The bundled email template of one kind ("html", "txt") as a template set without partials. */
function emailTemplate(kind: 'html' | 'txt'): TemplateSet {
  const file = join(templatesDir, 'email', `brief.${kind}.hbs`);
  try {
    return { main: { name: 'brief', file, source: readFileSync(file, 'utf8').replace(/\r\n?/g, '\n') }, partials: [] };
  } catch (error) {
    throw new BriefwrightError(ErrorCode.RENDER, `cannot read template ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** The HTML body; Handlebars escapes every value, so titles with "&" or "<" stay text. */
export function renderHtmlBody(view: EmailView): string {
  const render = compileTemplateSet(Handlebars.create(), emailTemplate('html'), { strict: true });
  return `${render(view).replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** The plain-text alternative, wrapped for mail readers (72 columns, hanging indents under list markers). */
export function renderTextBody(view: EmailView): string {
  const hb = Handlebars.create();
  // 1-based numbers for the numbered list of questions.
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  const render = compileTemplateSet(hb, emailTemplate('txt'), { strict: true, noEscape: true });
  return wrapText(render(view), 72);
}
