import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';
import type { Briefing } from '../../src/model/briefing.js';
import { markdownWriter, renderMarkdown, tidyMarkdown } from '../../src/render/markdown.js';
import type { RenderContext } from '../../src/render/types.js';
import { sampleBriefing, summaryOnlyBriefing } from '../helpers/briefings.js';
import { expectGolden } from '../helpers/golden.js';

const context: RenderContext = { version: 1, generator: 'briefwright test', pageSize: 'A4' };
const OVERRIDE = join(import.meta.dirname, '../fixtures/templates-override');

async function markdown(briefing: Briefing, ctx: RenderContext = context): Promise<string> {
  return new TextDecoder().decode((await markdownWriter.write(briefing, ctx)).bytes);
}

/** A --templates folder holding the given files (relative path → text). */
function templatesFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'templates-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function renderError(briefing: Briefing, ctx: RenderContext): BriefwrightError {
  try {
    renderMarkdown(briefing, ctx);
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error('expected a BriefwrightError');
}

const headings = (text: string) => text.split('\n').filter((l) => l.startsWith('#'));

describe('markdownWriter', () => {
  it('matches the golden sample.md', async () => {
    await expectGolden(await markdown(sampleBriefing()), 'render/sample.md');
  });

  it('matches the golden summary-only.md, leaving out empty sections', async () => {
    const text = await markdown(summaryOnlyBriefing());
    await expectGolden(text, 'render/summary-only.md');
    expect(headings(text)).toEqual([
      '# Harbour bridge closed after cracks found in main span', '## Summary', '## Sources', '### S1', '### S2', '### S3',
    ]);
  });

  it('lays out title, date line, bottom line and sections in order', async () => {
    const text = await markdown(sampleBriefing(), { ...context, version: 3 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Harbour bridge closed after cracks found in main span');
    expect(lines[2]).toBe('Thursday 9 March 2023 · Version 3 · 3 sources from 2 outlets');
    expect(lines[4]).toMatch(/^\*\*Bottom line:\*\* The Harbour Bridge was closed .* \[\[S1\]\(#s1\), \[S2\]\(#s2\)\] _\(reported by 2 independent outlets\)_$/);
    expect(headings(text).filter((h) => h.startsWith('## '))).toEqual([
      '## Summary', '## Timeline', '## Key quotes', '## Open questions', '## Sources',
    ]);
    expect(text).toContain('| Tue 14 Mar 2023 (scheduled) | The council will vote on emergency repair funding. | [[S3](#s3)] _(one outlet reports)_ |');
    expect(text).toContain('| early Feb 2023 | A routine inspection began in early February. | [[S1](#s1)] _(one outlet reports)_ |');
  });

  it('shows key quotes only, full ones before partial ones, each with its attribution', async () => {
    const briefing = sampleBriefing();
    briefing.quotes[2]!.key = true;
    briefing.quotes.unshift({ ...briefing.quotes[2]!, text: 'unsafe', speaker: null, role: null });
    const text = await markdown(briefing);
    const quoted = text.split('\n').filter((l) => l.startsWith('> '));
    expect(quoted).toEqual([
      '> “We will not reopen a single lane until every weld has been checked.”',
      '> “It is a nightmare for the school run.”',
      '> “unsafe”',
      '> “precautionary”',
    ]);
    expect(text).toContain('— Olena Petrenko, chief engineer of the Harbour Authority [[S1](#s1), [S2](#s2)]');
    expect(text).toContain('— Dara Quinn [[S1](#s1)]');
    expect(text).toContain('— Speaker not identified [[S2](#s2)]');
    const noKeyQuotes = { ...sampleBriefing(), quotes: sampleBriefing().quotes.map((q) => ({ ...q, key: false })) };
    expect(await markdown(noKeyQuotes)).not.toContain('## Key quotes');
  });

  it('gives every cited source a heading whose id the citations link to, unknowns as "—"', async () => {
    const text = await markdown(sampleBriefing());
    const cited = new Set([...text.matchAll(/\]\(#(s\d+)\)/g)].map((m) => m[1]));
    const anchors = new Set(headings(text).filter((h) => h.startsWith('### ')).map((h) => h.slice(4).toLowerCase()));
    expect([...cited].sort()).toEqual(['s1', 's2', 's3']);
    expect([...cited].filter((id) => !anchors.has(id!))).toEqual([]);
    expect(text).toContain('- Link: <https://gazette.example/news/harbour-bridge-shut?ref=rss&id=42>');
    expect(text).toContain(
      '- Outlet: —\n- Title: Council statement: Київ delegation & Αθήνα engineers to assist\n- Published: —\n- Link: —',
    );
    expect(text).not.toMatch(/null|undefined|\[object Object\]/);
  });

  it('escapes Markdown in source text so it renders literally', async () => {
    const briefing = sampleBriefing();
    briefing.summary[1]!.text = '# 1. *Bold* claims [x] <b>tag</b> `code` and a | pipe';
    briefing.timeline[0]!.text = 'Tolls | fares rose *sharply*';
    const text = await markdown(briefing);
    expect(text).toContain('- \\# 1. \\*Bold\\* claims \\[x\\] \\<b>tag\\</b> \\`code\\` and a | pipe [[S1](#s1)]');
    expect(text).toContain('| 1962 | Tolls \\| fares rose \\*sharply\\* | [[S2](#s2)] _(one outlet reports)_ |');
  });

  it('ends with exactly one newline and has no trailing spaces or double blank lines', async () => {
    for (const briefing of [sampleBriefing(), summaryOnlyBriefing()]) {
      const text = await markdown(briefing);
      expect(text.endsWith('\n')).toBe(true);
      expect(text.endsWith('\n\n')).toBe(false);
      expect(text).not.toMatch(/[ \t]$/m);
      expect(text).not.toContain('\n\n\n');
    }
  });

  it('is deterministic: the same Briefing and context give the same bytes', async () => {
    const a = await markdownWriter.write(sampleBriefing(), context);
    const b = await markdownWriter.write(sampleBriefing(), context);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.warnings).toEqual([]);
    expect(markdownWriter).toMatchObject({ format: 'md', extension: 'md' });
  });
});

describe('corroboration, question kinds and changes', () => {
  it('says how well each summary point is supported, counted in independent origins', async () => {
    const briefing = sampleBriefing();
    briefing.summary.push({ text: 'Repairs will be paid from the contingency fund.', sources: ['S1', 'S3'], evidence: [{ source: 'S1', paragraph: 4, sentence: 1 }, { source: 'S3', paragraph: 4, sentence: 1 }] });
    const bullets = (await markdown(briefing)).split('## Summary')[1]!.split('## ')[0]!.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets).toHaveLength(3);
    expect(bullets[0]).toMatch(/\[\[S1\]\(#s1\)\] _\(one outlet reports\)_$/);
    expect(bullets[2]).toMatch(/\[\[S1\]\(#s1\), \[S3\]\(#s3\)\] _\(reported by 2 independent outlets\)_$/);
  });

  it('counts reprints of one agency as one origin, and lists the shared origin under Sources', async () => {
    const briefing = sampleBriefing();
    briefing.origins = [
      { id: 'O1', label: 'Meridian Wire', sources: ['S1', 'S2'], basis: 'credit' },
      { id: 'O2', label: 'outlet unknown', sources: ['S3'], basis: 'own' },
    ];
    for (const s of briefing.sources) s.origin = s.id === 'S3' ? 'O2' : 'O1';
    const text = await markdown(briefing);
    expect(text).toContain('three weeks. [[S1](#s1), [S2](#s2)] _(2 outlets, 1 origin: Meridian Wire)_');
    expect(text).toContain('## Sources\n\n- Shared origin: [[S1](#s1), [S2](#s2)] 2 outlets, 1 origin: Meridian Wire (credit line)\n');
  });

  it('says sources disagree on a point whose sentence a conflict cites', async () => {
    const briefing = sampleBriefing();
    briefing.conflicts[0]!.values[0]!.evidence = [briefing.summary[1]!.evidence[0]!];
    const bullets = (await markdown(briefing)).split('## Summary')[1]!.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets[0]).toMatch(/_\(sources disagree\)_$/);
  });

  it('marks nothing when the brief rests on one origin', async () => {
    const briefing = sampleBriefing();
    briefing.sources = briefing.sources.slice(0, 1);
    briefing.origins = briefing.origins.slice(0, 1);
    for (const item of [...briefing.summary, ...briefing.timeline, ...briefing.quotes, ...briefing.questions]) {
      item.sources = ['S1'];
      item.evidence = [];
    }
    briefing.conflicts = [];
    const text = await markdown(briefing);
    expect(text).toContain('[[S1](#s1)]');
    expect(text).not.toMatch(/one outlet reports|independent|origin/);
  });

  it('says what kind each open question is', async () => {
    const text = await markdown(sampleBriefing());
    const numbered = text.split('## Open questions')[1]!.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(numbered[0]).toMatch(/^1\. _Pending:_ Will the council approve/);
    expect(numbered[1]).toMatch(/^2\. _Sources disagree:_ How many vehicles/);
  });

  it('shows "What changed since v<N>" after the header with only the lists that have items', async () => {
    const briefing: Briefing = {
      ...sampleBriefing(),
      changes: {
        since: 2,
        summary: { added: ['Repairs will take *three* weeks.'], dropped: [] },
        timeline: { added: [], dropped: ['Fri 10 Mar 2023 — Inspection ends.'] },
        quotes: { added: [], dropped: [] },
        questions: { added: [], dropped: ['Will the bridge reopen?'] },
      },
    };
    const text = await markdown(briefing, { ...context, version: 3 });
    const section = text.split('## What changed since v2\n')[1]!.split('\n## ')[0]!;
    expect(headings(text).filter((h) => h.startsWith('## '))[0]).toBe('## What changed since v2');
    expect(section).toContain('**New in the summary**\n\n- Repairs will take \\*three\\* weeks.');
    expect(section).toContain('**Dropped from the timeline**\n\n- Fri 10 Mar 2023 — Inspection ends.');
    expect(section).toContain('**Questions answered or dropped**\n\n- Will the bridge reopen?');
    expect(section).not.toMatch(/New quotes|Dropped quotes|New on the timeline/);
  });

  it('says so when a new version changed nothing in the sections', async () => {
    const none = { added: [], dropped: [] };
    const briefing: Briefing = { ...sampleBriefing(), changes: { since: 1, summary: none, timeline: none, quotes: none, questions: none } };
    expect(await markdown(briefing)).toContain('## What changed since v1\n\nNothing in the summary, timeline, quotes or questions changed.');
  });

  it('has no changes section on a first version', async () => {
    expect(await markdown(sampleBriefing())).not.toContain('What changed');
  });
});

describe('templates folder (--templates)', () => {
  it('replaces one partial and falls back to the bundled templates for the rest', async () => {
    const text = await markdown(sampleBriefing(), { ...context, templatesDir: OVERRIDE });
    expect(text).toContain('## Questions for the morning meeting');
    expect(text).toContain('- [ ] Will the council approve the emergency repair funding on Tuesday? (pending) [[S3](#s3)]');
    expect(text).not.toContain('## Open questions');
    const bundled = await markdown(sampleBriefing());
    expect(text.split('## Questions')[0]).toBe(bundled.split('## Open questions')[0]);
    expect(text.split('## Sources')[1]).toBe(bundled.split('## Sources')[1]);
  });

  it('replaces the main template, which can use bundled partials and the helpers', async () => {
    const dir = templatesFolder({ 'briefing.md.hbs': '# {{md title}}\r\n\r\n{{date date}}\r\n{{> questions}}' });
    expect(await markdown(sampleBriefing(), { ...context, templatesDir: dir })).toBe(
      '# Harbour bridge closed after cracks found in main span\n\nThu 9 Mar 2023\n\n## Open questions\n\n' +
        '1. _Pending:_ Will the council approve the emergency repair funding on Tuesday? [[S3](#s3)]\n' +
        '2. _Sources disagree:_ How many vehicles a day used the bridge: 40,000 (S1) or 45,000 (S2)? [[S1](#s1), [S2](#s2)]\n',
    );
  });

  it('names the template file when a field is missing (strict mode)', () => {
    const dir = templatesFolder({ 'partials/timeline.md.hbs': '## Timeline\n\n{{#each timeline}}\n- {{headline}}\n{{/each}}\n' });
    const error = renderError(sampleBriefing(), { ...context, templatesDir: dir });
    expect(error.code).toBe(ErrorCode.RENDER);
    expect(error.message).toContain(join(dir, 'partials/timeline.md.hbs'));
    expect(error.message).toContain('"headline" not defined');
  });

  it('names the template file when a helper is given a missing field', () => {
    const dir = templatesFolder({ 'partials/summary.md.hbs': '{{#each points}}\n- {{md txt}}\n{{/each}}\n' });
    const error = renderError(sampleBriefing(), { ...context, templatesDir: dir });
    expect(error.code).toBe(ErrorCode.RENDER);
    expect(error.message).toContain(join(dir, 'partials/summary.md.hbs'));
    expect(error.message).toContain('helper "md" was given a missing value');
  });

  it('names the template file that does not compile, even when nothing uses it', () => {
    const dir = templatesFolder({ 'partials/unused.md.hbs': '{{#if title}}never closed\n' });
    const error = renderError(sampleBriefing(), { ...context, templatesDir: dir });
    expect(error.code).toBe(ErrorCode.RENDER);
    expect(error.message).toContain(join(dir, 'partials/unused.md.hbs'));
    expect(error.message).toContain('Parse error');
  });

  it('refuses a templates folder that does not exist, as a CONFIG error', () => {
    const error = renderError(sampleBriefing(), { ...context, templatesDir: join(tmpdir(), 'no-such-templates-folder') });
    expect(error.code).toBe(ErrorCode.CONFIG);
    expect(error.message).toMatch(/no-such-templates-folder does not exist/);
  });
});

describe('tidyMarkdown', () => {
  it('drops trailing spaces, blank-line runs and leading blank lines, and ends with one newline', () => {
    expect(tidyMarkdown('\n\n# T  \r\n\n\n\ntext\t\n\n')).toBe('# T\n\ntext\n');
  });
});
