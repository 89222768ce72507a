import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffBriefings } from '../../src/archive/diff.js';
import { exitCodes } from '../../src/errors.js';
import type { ChangeSet } from '../../src/model/briefing.js';
import { parseBriefingJson } from '../../src/render/json.js';
import { ARTICLES, buildInto, DATE, SLUG, writeArticles } from '../archive/helpers.js';
import { runCli } from '../helpers/cli.js';

const v = (n: number) => join('out', SLUG, DATE, `v${n}`);
const briefingAt = (cwd: string, dir: string) => parseBriefingJson(readFileSync(join(cwd, dir, 'briefing.json'), 'utf8'));

describe('brief diff', () => {
  let cwd: string;

  beforeAll(async () => {
    // Two real builds through the library; between them one article gains a scheduled vote.
    cwd = mkdtempSync(join(tmpdir(), 'diff-cli-'));
    writeArticles(join(cwd, 'in'), { 'gazette.txt': ARTICLES.gazette, 'wire.txt': ARTICLES.wire });
    const first = await buildInto(join(cwd, 'in'), join(cwd, 'out'));
    writeFileSync(join(cwd, 'in', 'wire.txt'), ARTICLES.wireUpdated);
    const second = await buildInto(join(cwd, 'in'), join(cwd, 'out'));
    expect([first.version.version, second.version.version]).toEqual([1, 2]);
    // A version without briefing.json, for the error case.
    await buildInto(join(cwd, 'in'), join(cwd, 'out'), ['md'], 'markdown-only');
  }, 120_000);

  it('prints the change set of the two versions as JSON with --json', () => {
    const r = runCli(['diff', v(1), v(2), '--json'], cwd);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const changes = JSON.parse(r.stdout) as ChangeSet;
    expect(changes).toEqual(diffBriefings(briefingAt(cwd, v(1)), briefingAt(cwd, v(2)), 1));
    // The changed article is what changed: the new vote is in, and nothing from the unchanged article left.
    const added = [...changes.summary.added, ...changes.timeline.added, ...changes.questions.added];
    expect(added.some((line) => /repair funding/.test(line))).toBe(true);
    const dropped = [...changes.summary.dropped, ...changes.timeline.dropped, ...changes.quotes.dropped];
    expect(dropped.filter((line) => /Olena Petrenko|40,000|1962/.test(line))).toEqual([]);
  });

  it('prints a readable report with every added and dropped line', () => {
    const r = runCli(['diff', v(1), v(2)], cwd);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Changes from v1 (${v(1)}) to v2 (${v(2)}):`);
    const changes = JSON.parse(runCli(['diff', v(1), v(2), '--json'], cwd).stdout) as ChangeSet;
    // The rewritten wire adds to and drops from the summary and the questions, adds to the timeline, and has no quote.
    const { summary, timeline, quotes, questions } = changes;
    for (const list of [summary.added, summary.dropped, timeline.added, questions.added, questions.dropped]) expect(list).not.toEqual([]);
    expect(quotes).toEqual({ added: [], dropped: [] });
    for (const key of ['summary', 'timeline', 'quotes', 'questions'] as const) {
      for (const text of changes[key].added) expect(lines).toContain(`  + ${text}`);
      for (const text of changes[key].dropped) expect(lines).toContain(`  − ${text}`);
    }
    // One heading per section with changes, none for the unchanged quotes.
    expect(lines.slice(1).filter((l) => l.endsWith(':') && !l.startsWith(' '))).toEqual([
      'Summary:', 'Timeline:', 'Questions opened:', 'Questions answered or dropped:',
    ]);
    expect(lines.filter((l) => l.startsWith('  '))).toHaveLength(
      Object.values(changes).reduce((n, c) => (typeof c === 'number' ? n : n + c.added.length + c.dropped.length), 0),
    );
  });

  it('says so when nothing changed', () => {
    const r = runCli(['diff', v(2), v(2)], cwd);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`Changes from v2 (${v(2)}) to v2 (${v(2)}):\nNo changes in the summary, timeline, key quotes or questions.\n`);
  });

  it('names a folder that does not exist (usage error)', () => {
    const r = runCli(['diff', v(1), v(7)], cwd);
    expect(r.status).toBe(exitCodes.USAGE);
    expect(r.stderr).toContain(`${v(7)}: no such folder`);
  });

  it('names a version that has no briefing.json (archive error)', () => {
    const md = join('out', 'markdown-only', DATE, 'v1');
    const r = runCli(['diff', md, v(2)], cwd);
    expect(r.status).toBe(exitCodes.ARCHIVE);
    expect(r.stderr).toContain(`${md} has no briefing.json`);
  });

  it('names a damaged briefing.json (archive error)', () => {
    const damaged = mkdtempSync(join(tmpdir(), 'diff-cli-'));
    writeArticles(join(damaged, 'v3'), { 'briefing.json': '{"schemaVersion": 1, "title": "x"' });
    const r = runCli(['diff', join(cwd, v(1)), join(damaged, 'v3')]);
    expect(r.status).toBe(exitCodes.ARCHIVE);
    expect(r.stderr).toContain(`${join(damaged, 'v3', 'briefing.json')} is not valid JSON`);
  });
});
