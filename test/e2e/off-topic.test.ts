/**
 * A source that tells another story, end to end: test/fixtures/off-topic-e2e/articles holds five invented
 * articles on a dock strike and a football report (d-…, S4). The real CLI leaves the report out of every
 * section, lists it as left out, warns by name, and analyses it with --keep-all (or keepAll in brief.yaml).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing, Evidence } from '../../src/model/briefing.js';
import type { Manifest } from '../../src/archive/manifest.js';
import { projectRoot, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf-tools.js';
import { validateBriefing } from '../helpers/schema.js';
import { simpleParser } from 'mailparser';

const articles = join(import.meta.dirname, '..', 'fixtures', 'off-topic-e2e', 'articles');
const STRAY = 'd-western-wire-football.md';
const DATE = '2025-09-18';
/** The stray's path as the brief shows it: relative to the folder the CLI runs in. */
const strayPath = relative(projectRoot, join(articles, STRAY));

interface Cited {
  sources: string[];
  evidence?: Evidence[];
}

/** Every source id a line of the brief cites, by sources or by evidence, section by section. */
function citations(b: Briefing): Record<string, string[]> {
  const ids = (items: Cited[]) => [...new Set(items.flatMap((i) => [...i.sources, ...(i.evidence ?? []).map((e) => e.source)]))].sort();
  return {
    summary: ids(b.summary),
    timeline: ids(b.timeline),
    quotes: ids(b.quotes),
    questions: ids(b.questions),
    conflicts: ids(b.conflicts.flatMap((c) => c.values)),
    origins: ids(b.origins),
  };
}

function build(args: string[]): { result: CliResult; dir: string; briefing: Briefing; manifest: Manifest } {
  const result = runCli(['build', ...args]);
  expect(result.status, result.stderr).toBe(0);
  const dir = result.stdout.trim();
  return {
    result,
    dir,
    briefing: JSON.parse(readFileSync(join(dir, 'briefing.json'), 'utf8')) as Briefing,
    manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest,
  };
}

describe('brief build on a folder where one source tells another story', () => {
  const out = tempDir('off-topic-');
  let built: ReturnType<typeof build>;

  beforeAll(() => {
    built = build([articles, '--date', DATE, '--format', 'json,md', '--out', out]);
  });

  describe('by default', () => {
    it('lists the stray as left out, keeping every id, and the JSON validates', () => {
      const { briefing } = built;
      expect(validateBriefing(briefing), JSON.stringify(validateBriefing.errors)).toBe(true);
      expect(briefing.sources.map((s) => s.id)).toEqual(['S1', 'S2', 'S3', 'S5', 'S6']);
      expect(briefing.sourcesLeftOut).toEqual([
        {
          id: 'S4',
          path: strayPath,
          title: 'Wanderers stun Fenmoor with late comeback',
          outlet: 'Western Wire',
          similarity: expect.any(Number),
          reason: expect.stringMatching(/^shares few terms with the other 5 sources \(similarity 0\.\d\d; the least related of the others is 0\.\d\d\)$/),
        },
      ]);
      expect(briefing.sourcesLeftOut![0]!.similarity).toBeLessThan(0.1);
    });

    it('cites it on no line: summary, timeline, quotes, questions, conflicts, origins', () => {
      const cited = citations(built.briefing);
      expect(built.briefing.summary.length).toBeGreaterThan(0);
      expect(built.briefing.timeline.length).toBeGreaterThan(0);
      for (const [section, ids] of Object.entries(cited)) expect(ids, section).not.toContain('S4');
      expect(JSON.stringify(built.briefing.summary) + JSON.stringify(built.briefing.timeline)).not.toMatch(/Wanderers|Fenmoor/);
      expect(built.briefing.quotes.map((q) => q.speaker)).not.toContain('Tomas Reddy');
    });

    it('warns on stderr, naming the file and its title, and the manifest keeps the warning', () => {
      const lines = built.result.stderr.split('\n').filter((l) => l.includes('source-off-topic'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^warning: .*d-western-wire-football\.md: source-off-topic: S4 “Wanderers stun Fenmoor with late comeback” tells another story, left out of the brief: it shares few terms/);
      expect(lines[0]).toContain('--keep-all');
      expect(built.manifest.warnings.filter((w) => w.kind === 'source-off-topic')).toEqual([
        { kind: 'source-off-topic', stage: 'analyze', reason: expect.stringContaining('tells another story'), source: strayPath },
      ]);
    });

    it('lists it under Sources in the Markdown as left out, and links no citation to it', () => {
      const markdown = readFileSync(join(built.dir, 'briefing.md'), 'utf8');
      const sources = markdown.slice(markdown.indexOf('## Sources'));
      expect(sources).toContain('### S4\n\n- Left out: tells another story\n- Outlet: Western Wire\n- Title: Wanderers stun Fenmoor with late comeback\n');
      expect(markdown).not.toContain('](#s4)');
    });

    it('lists it as left out in the PDF and in the email, with its id, outlet and title', async () => {
      const pdfBuild = build([articles, '--date', DATE, '--format', 'json,pdf', '--out', tempDir('off-topic-pdf-')]);
      const text = pdfText(join(pdfBuild.dir, 'briefing.pdf')).replace(/\s+/g, ' ');
      expect(text).toContain('Left out: S4 Western Wire · Wanderers stun Fenmoor with late comeback — tells another story');
      const eml = join(tempDir('off-topic-eml-'), 'brief.eml');
      const sent = runCli(['email', pdfBuild.dir, '--to', 'ana@example.org', '--from', 'Desk <desk@example.org>', '--dry-run', '--eml', eml]);
      expect(sent.status, sent.stderr).toBe(0);
      const mail = await simpleParser(readFileSync(eml));
      expect(mail.text?.replace(/\s+/g, ' ')).toContain('Left out, tells another story: [S4] Western Wire, “Wanderers stun Fenmoor with late comeback”');
      expect(mail.html).toContain('Left out, tells another story: S4 Western Wire &mdash; Wanderers stun Fenmoor with late comeback');
    });

    it('writes nothing new when built again with the same options', () => {
      const again = build([articles, '--date', DATE, '--format', 'json,md', '--out', out]);
      expect(again.dir).toBe(built.dir);
      expect(again.result.stderr).toContain('unchanged since v1');
    });
  });

  describe('with --keep-all', () => {
    it('analyses the stray like any source: a new version, cited, nothing left out, no warning', () => {
      const kept = build([articles, '--date', DATE, '--format', 'json,md', '--out', out, '--keep-all']);
      expect(kept.dir).not.toBe(built.dir);
      expect(kept.manifest.options).toMatchObject({ analyze: { keepAll: true } });
      expect(built.manifest.options).toMatchObject({ analyze: { keepAll: false } });
      expect(validateBriefing(kept.briefing), JSON.stringify(validateBriefing.errors)).toBe(true);
      expect(kept.briefing.sources.map((s) => s.id)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
      expect(kept.briefing).not.toHaveProperty('sourcesLeftOut');
      const cited = citations(kept.briefing);
      expect([...cited['timeline']!, ...cited['quotes']!]).toContain('S4');
      expect(kept.result.stderr).not.toContain('source-off-topic');
    });
  });
});

describe('keepAll in brief.yaml', () => {
  it('analyses every source of the brief, and --no-keep-all leaves the stray out again', () => {
    const base = tempDir('off-topic-config-');
    const config = join(base, 'brief.yaml');
    writeFileSync(config, [`slug: dock-strike`, `sources: ${JSON.stringify(articles)}`, 'formats: [json]', `out: ${JSON.stringify(join(base, 'out'))}`, 'keepAll: true', ''].join('\n'));
    const kept = build(['--config', config, '--date', DATE]);
    expect(kept.briefing.sources.map((s) => s.id)).toContain('S4');
    expect(kept.briefing).not.toHaveProperty('sourcesLeftOut');
    const left = build(['--config', config, '--date', DATE, '--no-keep-all']);
    expect(left.briefing.sourcesLeftOut?.map((s) => s.id)).toEqual(['S4']);
    expect(left.result.stderr).toMatch(/warning: .*d-western-wire-football\.md: source-off-topic: /);
  });
});
