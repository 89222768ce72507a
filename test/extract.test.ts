/**
 * `brief extract` on pages, as readability's test pages do it: one folder per behaviour under
 * test/fixtures/extract/, the page (input.html) beside what a brief reads from it (expected.json).
 * UPDATE_GOLDEN=1 rewrites the expected files; read the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractionRecord, extractionsMarkdown, extractionsText } from '../src/extract/format.js';
import { extractArticles } from '../src/extract/index.js';

const root = join(import.meta.dirname, 'fixtures', 'extract');
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'input.html'))).sort();

function extract(name: string) {
  const bytes = readFileSync(join(root, name, 'input.html'));
  return extractArticles({ display: `${name}/input.html`, bytes }, '2031-06-01').extractions;
}

describe('brief extract fixtures', () => {
  it.each(cases)('%s', (name) => {
    const got = extract(name).map(extractionRecord);
    const expectedPath = join(root, name, 'expected.json');
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(expectedPath, `${JSON.stringify(got, null, 2)}\n`);
    expect(got).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });

  it('leaves out a run of link titles inside the article, and keeps a linked phrase in a sentence', () => {
    const [x] = extract('link-list-in-article');
    expect(x!.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/Council budget|Culvert works|Pictures:|Schools reopen/);
    expect(x!.paragraphs.map((p) => p.text)).toContain('The reading room will keep late opening hours until the summer, and the full timetable is posted on the doors.');
    expect(x!.dropped.filter((d) => d.rule === 'link-list')).toHaveLength(4);
  });

  it('leaves out the titles listed under a bare "You may also like…" label', () => {
    const [x] = extract('related-label-list');
    expect(x!.paragraphs).toHaveLength(3);
    expect(x!.dropped.map((d) => d.rule)).toEqual(['related-links', 'related-list', 'related-list', 'related-list']);
  });

  it('leaves out a hover card inside a sentence, and keeps the word that shows it', () => {
    const [x] = extract('hover-card-in-sentence');
    const text = x!.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('after councillor Mara Lind asked for a second survey');
    expect(text).toContain('the delay was reasonable and that');
    expect(text).not.toMatch(/ferry route|glossary/);
    expect(x!.dropped.filter((d) => d.rule === 'floating-card').map((d) => d.text)).toEqual([
      'Mara LindLind backs new ferry routeBudget row deepens',
      'Tooltip: see our glossary of council terms',
    ]);
  });

  it('says why each block of page chrome was left out', () => {
    const [x] = extract('page-chrome-left-out');
    expect(x!.author).toBe('Jonas Weir');
    expect(x!.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/about time|who pays|newsletter|©/);
    expect(x!.dropped.find((d) => /about time/.test(d.text))?.rule).toBe('outside-article');
  });

  it('prints text and Markdown a person can read', () => {
    const list = extract('related-label-list');
    expect(extractionsText(list)).toMatch(/^== related-label-list\/input.html \(html, utf-8\)\ntitle: Bus fares to rise in June\nlang: en\n\n\[1\] Bus fares/);
    expect(extractionsText(list)).toMatch(/dropped \(4\):\n- \(clean: related-links\) You may also like\.\.\./);
    expect(extractionsMarkdown(list)).toMatch(/^## Bus fares to rise in June\n/);
  });
});
