/**
 * Independent origins and support wording, end to end: each folder under test/fixtures/origins/ holds the
 * articles of an invented story and expected.json beside them (the origins, and the support wording some
 * items must carry). The brief is built by the real CLI, then the same wording is looked for in the JSON,
 * the Markdown, the PDF's text and both parts of the email body.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailView, renderHtmlBody, renderTextBody } from '../../src/deliver/body.js';
import type { Briefing, Origin, SupportLevel } from '../../src/model/briefing.js';
import { parseBriefingJson } from '../../src/render/json.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf-tools.js';
import { validateBriefing } from '../helpers/schema.js';

interface Expected {
  date: string;
  origins: Origin[];
  support: Array<{ section: 'summary' | 'timeline' | 'quotes'; sources: string[]; level: SupportLevel; wording: string }>;
  sharedOrigins: string[];
}

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'origins');
const cases = readdirSync(fixtures).sort();

/** Text with every run of white space made one space, as a line wrapped anywhere reads. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe.each(cases)('origins fixture %s', (name) => {
  const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected;
  let dir = '';
  let json: Briefing;

  beforeAll(() => {
    const result = runCli(['build', join(fixtures, name, 'articles'), '--date', expected.date, '--out', tempDir('origins-'), '-q']);
    expect(result.status, result.stderr).toBe(0);
    dir = result.stdout.trim();
    json = JSON.parse(readFileSync(join(dir, 'briefing.json'), 'utf8')) as Briefing;
  });

  it('groups the sources into the expected origins, each source in exactly one, and the JSON validates', () => {
    expect(json.origins).toEqual(expected.origins);
    for (const source of json.sources) {
      expect(json.origins.filter((o) => o.sources.includes(source.id)).map((o) => o.id), source.id).toEqual([source.origin]);
    }
    expect(validateBriefing(json), JSON.stringify(validateBriefing.errors)).toBe(true);
  });

  it('gives the items their support, counted in origins', () => {
    expect(expected.support.length).toBeGreaterThan(0);
    for (const want of expected.support) {
      const items = json[want.section].filter((i) => i.sources.join() === want.sources.join());
      expect(items.length, `${want.section} items citing ${want.sources.join()}`).toBeGreaterThan(0);
      for (const item of items) expect(item.support).toMatchObject({ level: want.level, wording: want.wording });
    }
  });

  it('prints the same wording in the Markdown and the PDF, and the shared origin under Sources', () => {
    const markdown = flat(readFileSync(join(dir, 'briefing.md'), 'utf8'));
    const pdf = flat(pdfText(join(dir, 'briefing.pdf')));
    for (const { wording } of expected.support) {
      expect(markdown).toContain(`_(${wording})_`);
      expect(pdf).toContain(wording);
    }
    for (const shared of expected.sharedOrigins) {
      expect(markdown).toContain(shared);
      expect(pdf).toContain(shared);
    }
  });

  it('prints it in both parts of the email, read back from briefing.json', () => {
    const briefing = parseBriefingJson(readFileSync(join(dir, 'briefing.json'), 'utf8'));
    const view = emailView(briefing, { title: briefing.title, date: briefing.date, version: 1, attachment: 'brief.pdf', generator: 'test' });
    const text = flat(renderTextBody(view));
    const html = flat(renderHtmlBody(view));
    const summaryWordings = expected.support.filter((s) => s.section === 'summary').map((s) => s.wording);
    expect(summaryWordings.length).toBeGreaterThan(0);
    for (const wording of summaryWordings) {
      expect(text).toContain(`(${wording})`);
      expect(html).toContain(`<em style="font-size:12px;color:#57606a;">${wording}</em>`);
    }
    for (const shared of expected.sharedOrigins) {
      expect(text).toContain(shared);
      expect(html).toContain(`<em>${shared}</em>`);
    }
  });
});
