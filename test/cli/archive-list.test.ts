import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ListedBrief } from '../../src/archive/list.js';
import { ARTICLES, buildInto, DATE, readJson, SLUG, writeArticles } from '../archive/helpers.js';
import { runCli } from '../helpers/cli.js';

describe('brief list', () => {
  let cwd: string;
  const built: string[] = [];

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'list-cli-'));
    writeArticles(join(cwd, 'in'), { 'gazette.txt': ARTICLES.gazette, 'wire.txt': ARTICLES.wire });
    built.push((await buildInto(join(cwd, 'in'), join(cwd, 'out'))).version.dir);
    writeFileSync(join(cwd, 'in', 'wire.txt'), ARTICLES.wireUpdated);
    built.push((await buildInto(join(cwd, 'in'), join(cwd, 'out'))).version.dir);
    built.push((await buildInto(join(cwd, 'in'), join(cwd, 'out'), ['md'], 'bridge-markdown')).version.dir);
  }, 120_000);

  const manifestOf = (dir: string) => readJson<{ createdAt: string; brief: { title: string } }>(join(dir, 'manifest.json'));

  it('prints every built version under its brief', () => {
    const r = runCli(['list'], cwd);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const title = manifestOf(built[1]!).brief.title;
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      `bridge-markdown — ${manifestOf(built[2]!).brief.title}`,
      `  ${DATE} v1  ${manifestOf(built[2]!).createdAt}  briefing.md  ${join('out', 'bridge-markdown', DATE, 'v1')}`,
      `${SLUG} — ${title}`,
      `  ${DATE} v1  ${manifestOf(built[0]!).createdAt}  briefing.json briefing.md  ${join('out', SLUG, DATE, 'v1')}`,
      `  ${DATE} v2  ${manifestOf(built[1]!).createdAt}  briefing.json briefing.md  ${join('out', SLUG, DATE, 'v2')}`,
    ]);
  });

  it('prints parseable JSON with --json', () => {
    const r = runCli(['list', 'out', '--json'], cwd);
    expect(r.status).toBe(0);
    const { briefs } = JSON.parse(r.stdout) as { briefs: ListedBrief[] };
    expect(briefs.map((b) => b.slug)).toEqual(['bridge-markdown', SLUG]);
    const versions = briefs[1]!.dates[0]!.versions;
    expect(versions.map((x) => [x.version, x.dir, x.createdAt, x.outputs])).toEqual([
      [1, join('out', SLUG, DATE, 'v1'), manifestOf(built[0]!).createdAt, ['briefing.json', 'briefing.md']],
      [2, join('out', SLUG, DATE, 'v2'), manifestOf(built[1]!).createdAt, ['briefing.json', 'briefing.md']],
    ]);
    expect(readFileSync(join(cwd, versions[1]!.dir, 'briefing.json'), 'utf8')).toContain('"schemaVersion": 1');
  });

  it('lists one brief when given its folder', () => {
    const r = runCli(['list', join('out', SLUG), '--json'], cwd);
    expect((JSON.parse(r.stdout) as { briefs: ListedBrief[] }).briefs.map((b) => b.slug)).toEqual([SLUG]);
  });

  it('says an empty archive is empty, and gives an empty list as JSON', () => {
    const empty = mkdtempSync(join(tmpdir(), 'list-cli-'));
    mkdirSync(join(empty, 'out'));
    const text = runCli(['list'], empty);
    expect([text.status, text.stdout]).toEqual([0, '']);
    expect(text.stderr).toContain('no archived versions in out');
    expect(JSON.parse(runCli(['list', '--json'], empty).stdout)).toEqual({ briefs: [] });
  });
});
