/** The email body (view, HTML and text templates), the plain-text wrapping and the MIME message. */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { emailView, renderHtmlBody, renderTextBody } from '../../src/deliver/body.js';
import { attachmentName, composeMessage, defaultSubject, messageIdentity, type MessageInput } from '../../src/deliver/message.js';
import { wrapText } from '../../src/deliver/wrap.js';
import type { Manifest } from '../../src/archive/manifest.js';
import { ErrorCode } from '../../src/errors.js';
import { sampleBriefing, summaryOnlyBriefing } from '../helpers/briefings.js';

const context = {
  title: 'Harbour bridge & tunnel <review>',
  date: '2023-03-09',
  version: 2,
  attachment: 'harbour-bridge-2023-03-09-v2.pdf',
  generator: 'briefwright test',
};

const brief = { title: 'Harbour bridge & tunnel <review>', slug: 'harbour-bridge', date: '2023-03-09', version: 2 };
const manifest = { brief, fingerprint: 'f'.repeat(64), createdAt: '2023-03-09T06:30:00.000Z' } as Manifest;

describe('emailView', () => {
  it('puts the first summary point as the bottom line and keeps only scheduled timeline entries', () => {
    const b = sampleBriefing();
    const view = emailView(b, context);
    expect(view.bottomLine?.text).toBe(b.summary[0]!.text);
    expect(view.bottomLine?.cite).toBe('[S1, S2]');
    expect(view.points.map((p) => p.text)).toEqual(b.summary.slice(1).map((p) => p.text));
    expect(view.scheduled.map((s) => s.text)).toEqual(b.timeline.filter((t) => t.scheduled).map((t) => t.text));
    expect(view.scheduled[0]!.label).toBe('Tue 14 Mar 2023');
    expect(view.questions.map((q) => q.label)).toEqual(['Pending', 'Sources disagree']);
    expect(view.meta).toBe('Thursday 9 March 2023 · Version 2 · 3 sources from 2 outlets');
  });

  it('links only http(s) source addresses', () => {
    const b = sampleBriefing();
    b.sources[1]!.url = 'javascript:alert(1)';
    const view = emailView(b, context);
    expect(view.sources.map((s) => s.url)).toEqual(['https://gazette.example/news/harbour-bridge-shut?ref=rss&id=42', null, null]);
  });
});

describe('renderHtmlBody', () => {
  it('escapes every value, keeps non-Latin text, and lays out with tables and inline styles only', () => {
    const html = renderHtmlBody(emailView(sampleBriefing(), context));
    expect(html).toContain('Harbour bridge &amp; tunnel &lt;review&gt;');
    expect(html).not.toContain('<review>');
    expect(html).toContain('Київ delegation &amp; Αθήνα engineers');
    expect(html).toContain('href="https://gazette.example/news/harbour-bridge-shut?ref&#x3D;rss&amp;id&#x3D;42"');
    expect(html).toMatch(/<table role="presentation"/);
    expect(html).not.toMatch(/<style|<link|<img|<script|class="/);
    for (const heading of ['Bottom line', 'Key points', 'Scheduled', 'Open questions', 'Sources']) expect(html).toContain(heading);
  });

  it('leaves out the sections that have nothing in them', () => {
    const html = renderHtmlBody(emailView(summaryOnlyBriefing(), context));
    expect(html).toContain('Key points');
    expect(html).not.toContain('Scheduled');
    expect(html).not.toContain('Open questions');
  });

  it('without a Briefing shows the title and points to the attachment', () => {
    const html = renderHtmlBody(emailView(null, context));
    expect(html).toContain('Harbour bridge &amp; tunnel');
    expect(html).toContain('harbour-bridge-2023-03-09-v2.pdf');
    expect(html).not.toContain('Bottom line');
  });
});

describe('renderTextBody', () => {
  it('has every section as text, wrapped at 72 columns, with the signature separator intact', () => {
    const text = renderTextBody(emailView(sampleBriefing(), context));
    expect(text).toContain('Harbour bridge & tunnel <review>');
    expect(text).toMatch(/^BOTTOM LINE: The Harbour Bridge/m);
    expect(text).toMatch(/^SCHEDULED$/m);
    expect(text).toMatch(/^1\. Pending: Will the council/m);
    expect(text).toMatch(/^\[S1\] Coast Gazette, “Harbour bridge shut/m);
    expect(text).toContain('\n-- \n');
    // Lines are at most 72 characters except a lone long word (a URL), and wrapping loses no word.
    expect(text.split('\n').filter((line) => [...line].length > 72 && line.trim().includes(' '))).toEqual([]);
    const bottomLine = sampleBriefing().summary[0]!.text;
    expect([...bottomLine].length).toBeGreaterThan(72);
    expect(text.replace(/\s+/g, ' ')).toContain(`BOTTOM LINE: ${bottomLine}`);
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries and indents continuation lines under list text', () => {
    const long = 'word '.repeat(30).trim();
    expect(wrapText(`- ${long}`, 40).split('\n').slice(0, 2)).toEqual([`- ${'word '.repeat(7).trim()}`, `  ${'word '.repeat(7).trim()}`]);
    expect(wrapText(`12. ${long}`, 30).split('\n')[1]).toMatch(/^ {4}word/);
    expect(wrapText('a\n\n\n\nb  \n', 72)).toBe('a\n\nb\n');
  });
});

describe('composeMessage', () => {
  const input = (): MessageInput => ({
    from: { address: 'desk@example.org', name: 'Brief desk — Łódź' },
    to: [{ address: 'ana@example.org', name: '' }],
    cc: [{ address: 'ben@example.org', name: 'Ben' }],
    subject: defaultSubject(brief),
    text: 'text body\n',
    html: '<p>html body</p>\n',
    attachment: { filename: attachmentName(brief), content: new Uint8Array([37, 80, 68, 70, 0, 255]) },
    messageId: '<fixed@example.org>',
    date: new Date('2023-03-09T06:30:00Z'),
  });

  it('builds the same bytes every time, CRLF throughout, with encoded non-ASCII headers', async () => {
    const a = await composeMessage(input(), 'b0undary');
    const b = await composeMessage(input(), 'b0undary');
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).not.toMatch(/[^\r]\n/);
    const head = a.toString('latin1').split('\r\n\r\n')[0]!;
    expect(head).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(head).not.toMatch(/[^\x20-\x7e\r\n]/);
    const mail = await simpleParser(a);
    expect(mail.subject).toBe('Harbour bridge & tunnel <review> — Thursday 9 March 2023 (v2)');
    expect(mail.from?.value[0]).toEqual({ name: 'Brief desk — Łódź', address: 'desk@example.org' });
    expect(mail.attachments[0]!.filename).toBe('harbour-bridge-2023-03-09-v2.pdf');
    expect([...mail.attachments[0]!.content]).toEqual([37, 80, 68, 70, 0, 255]);
  });

  it('refuses a header with a line break even when called directly', async () => {
    await expect(composeMessage({ ...input(), subject: 'Hi\r\nBcc: evil@example.com' }, 'x')).rejects.toMatchObject({ code: ErrorCode.USAGE });
  });

  it('derives a Message-ID that changes with the recipients and with each delivery, not with their order or case', () => {
    const base = { manifest, from: { address: 'desk@example.org', name: '' }, cc: [], subject: 's', priorDeliveries: 0 };
    const two = [{ address: 'a@example.org', name: '' }, { address: 'B@example.org', name: '' }];
    const id = messageIdentity({ ...base, to: two }).messageId;
    expect(id).toMatch(/^<[0-9a-f]{32}\.brief@example\.org>$/);
    expect(messageIdentity({ ...base, to: [...two].reverse().map((m) => ({ ...m, address: m.address.toLowerCase() })) }).messageId).toBe(id);
    expect(messageIdentity({ ...base, to: two.slice(0, 1) }).messageId).not.toBe(id);
    expect(messageIdentity({ ...base, to: two, priorDeliveries: 2 }).messageId).not.toBe(id);
  });

  it('makes a one-line default subject even from a title with a line break', () => {
    expect(defaultSubject({ ...brief, title: 'Bridge\r\nclosed' })).toBe('Bridge closed — Thursday 9 March 2023 (v2)');
  });
});
