/**
 * A brief rebuilt on the same day after a source changed: the new version says what changed since the
 * previous one, in all its outputs; an unchanged rebuild writes nothing new.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBrief, type BriefResult } from '../../src/brief.js';
import type { Briefing } from '../../src/model/briefing.js';
import type { OutputFormat } from '../../src/render/types.js';
import { tempDir } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf-tools.js';
import { validateBriefing } from '../helpers/schema.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'versions');

function build(articles: string, outDir: string, formats: OutputFormat[] = ['pdf', 'md', 'json']): Promise<BriefResult> {
  return buildBrief({
    inputs: [articles],
    analyze: { date: '2031-05-12', title: 'Marlow Vale water main', summaryWords: 150, keyQuotes: 6 },
    output: { outDir, formats, pageSize: 'A4' },
  });
}

const folder = tempDir('articles-');

/** The articles folder holding the two first reports, or the first and the gazette's update. */
function articles(updated: boolean, dir = folder): string {
  copyFileSync(join(fixtures, 'morning-herald.txt'), join(dir, 'morning-herald.txt'));
  copyFileSync(join(fixtures, updated ? 'vale-gazette-update.txt' : 'vale-gazette.txt'), join(dir, 'vale-gazette.txt'));
  return dir;
}

describe('a second version of the same brief and date', () => {
  const outDir = tempDir('archive-');
  let first: BriefResult;
  let second: BriefResult;
  let again: BriefResult;
  const file = (r: BriefResult, name: string) => readFileSync(join(r.version.dir, name));

  beforeAll(async () => {
    first = await build(articles(false), outDir);
    second = await build(articles(true), outDir);
    again = await build(articles(true), outDir);
  });

  it('is v2 next to v1, and the first has no changes section', () => {
    expect([first.version.version, second.version.version]).toEqual([1, 2]);
    expect(first.briefing.changes).toBeUndefined();
    expect(file(first, 'briefing.md').toString()).not.toContain('What changed');
  });

  it('records what entered and left since v1, from the two briefings', () => {
    const changes = second.briefing.changes!;
    expect(changes.since).toBe(1);
    const v1 = JSON.parse(file(first, 'briefing.json').toString()) as Briefing;
    const v2 = JSON.parse(file(second, 'briefing.json').toString()) as Briefing;
    // Every added item is in v2 and not in v1; every dropped one the other way round.
    const texts = (b: Briefing) => [...b.summary.map((p) => p.text), ...b.questions.map((q) => q.text)];
    const added = [...changes.summary.added, ...changes.questions.added];
    const dropped = [...changes.summary.dropped, ...changes.questions.dropped];
    expect(added).not.toEqual([]);
    expect(dropped).not.toEqual([]);
    for (const text of added) {
      expect(texts(v2)).toContain(text);
      expect(texts(v1)).not.toContain(text);
    }
    for (const text of dropped) {
      expect(texts(v1)).toContain(text);
      expect(texts(v2)).not.toContain(text);
    }
    // The stated unknown about the cause was answered by the update.
    expect(changes.questions.dropped.join(' ')).toMatch(/cause|split/i);
    expect(changes.summary.added.length + changes.timeline.added.length).toBeGreaterThan(0);
    expect(v2.changes).toEqual(changes);
    expect(validateBriefing(v2)).toBe(true);
  });

  it('shows the section in the Markdown and the PDF', async () => {
    const md = file(second, 'briefing.md').toString();
    expect(md).toContain('## What changed since v1');
    expect(md).toContain('**Questions answered or dropped**');
    const text = await pdfText(join(second.version.dir, 'briefing.pdf'));
    expect(text).toContain('What changed since v1');
  });

  it('writes no new version when nothing changed', () => {
    expect(again.version.created).toBe(false);
    expect(again.version.version).toBe(2);
  });

  it('warns, and leaves the section out, when the previous version has no briefing.json', async () => {
    const out = tempDir('archive-');
    const own = tempDir('articles-');
    await build(articles(false, own), out, ['md']);
    const next = await build(articles(true, own), out, ['md']);
    expect(next.version.version).toBe(2);
    expect(next.briefing.changes).toBeUndefined();
    expect(next.warnings.map((w) => w.reason).join('\n')).toMatch(/no "What changed since v1" section: .*has no briefing\.json/);
  });
});

describe('a theme edited between two builds', () => {
  it('makes a new version, because the theme is part of what a version was built from', async () => {
    const dir = tempDir('theme-');
    const theme = join(dir, 'house.yaml');
    writeFileSync(theme, 'colors:\n  accent: "#222222"\n');
    const out = tempDir('archive-');
    const own = tempDir('articles-');
    const request = () =>
      buildBrief({
        inputs: [articles(false, own)],
        analyze: { date: '2031-05-12', title: 'Marlow Vale water main', summaryWords: 150, keyQuotes: 6 },
        output: { outDir: out, formats: ['pdf'], pageSize: 'A4', themePath: theme },
      });
    const first = await request();
    const same = await request();
    writeFileSync(theme, 'colors:\n  accent: "#880000"\n');
    const edited = await request();
    expect([first.version.version, same.version.created, edited.version.version]).toEqual([1, false, 2]);
  });
});

describe('analysis options changed between two builds', () => {
  it('make a new version, because the options are part of what a version was built from', async () => {
    const out = tempDir('archive-');
    const own = tempDir('articles-');
    const request = (summaryWords: number) =>
      buildBrief({
        inputs: [articles(false, own)],
        analyze: { date: '2031-05-12', title: 'Marlow Vale water main', summaryWords, keyQuotes: 6 },
        output: { outDir: out, formats: ['json'], pageSize: 'A4' },
      });
    const first = await request(150);
    const same = await request(150);
    const shorter = await request(40);
    expect([first.version.version, same.version.created, shorter.version.version, shorter.version.created]).toEqual([1, false, 2, true]);
  });
});
