import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArchive, listingText } from '../../src/archive/list.js';
import { writeVersion, type VersionRequest } from '../../src/archive/store.js';
import { DATE, SLUG, versionRequest } from './helpers.js';

async function archiveWith(cwd: string): Promise<void> {
  const out = join(cwd, 'out');
  const titled = (title: string, createdAt: string, slug = SLUG, date = DATE): Pick<VersionRequest, 'manifest'> => ({
    manifest: (v, outputs) => ({ ...versionRequest(out, 'x').manifest(v, outputs), brief: { title, slug, date, version: v }, createdAt }),
  });
  for (let i = 1; i <= 10; i++) {
    const title = i < 10 ? 'Harbour bridge' : 'Harbour bridge to reopen';
    await writeVersion(versionRequest(out, `fp${i}`, titled(title, `2023-03-09T06:${String(i).padStart(2, '0')}:00.000Z`)));
  }
  await writeVersion(versionRequest(out, 'old', { date: '2023-03-08', ...titled('Harbour bridge', '2023-03-08T18:00:00.000Z', SLUG, '2023-03-08') }));
  await writeVersion(versionRequest(out, 'other', { slug: 'ferry-strike', ...titled('Ferry strike', '2023-03-09T07:00:00.000Z', 'ferry-strike') }));
}

describe('listArchive', () => {
  it('groups versions by brief and date, sorted by slug, date and version number', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'list-'));
    await archiveWith(cwd);
    const briefs = await listArchive('out', { cwd });
    expect(briefs.map((b) => [b.slug, b.title, b.dates.map((d) => [d.date, d.versions.map((v) => v.version)])])).toEqual([
      ['ferry-strike', 'Ferry strike', [[DATE, [1]]]],
      [SLUG, 'Harbour bridge to reopen', [['2023-03-08', [1]], [DATE, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]]],
    ]);
    expect(briefs[1]?.dates[1]?.versions[9]).toEqual({
      version: 10,
      dir: join('out', SLUG, DATE, 'v10'),
      title: 'Harbour bridge to reopen',
      createdAt: '2023-03-09T06:10:00.000Z',
      outputs: ['briefing.md', 'briefing.json'],
    });
  });

  it('lists a version with a damaged manifest, saying what is wrong', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'list-'));
    await writeVersion(versionRequest(join(cwd, 'out'), 'a'));
    mkdirSync(join(cwd, 'out', SLUG, DATE, 'v2'));
    writeFileSync(join(cwd, 'out', SLUG, DATE, 'v2', 'manifest.json'), 'not json');
    const [brief] = await listArchive('out', { cwd });
    expect(brief?.dates[0]?.versions[1]).toMatchObject({ version: 2, title: null, createdAt: null, outputs: [], problem: expect.stringContaining('manifest.json is not valid JSON') });
    expect(listingText([brief!])).toContain(`${DATE} v2  (manifest.json is not valid JSON`);
  });

  it('prints one line per version under a line per brief, and marks a version whose title differs', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'list-'));
    await archiveWith(cwd);
    const lines = listingText(await listArchive(join('out', SLUG), { cwd })).split('\n');
    expect(lines[0]).toBe(`${SLUG} — Harbour bridge to reopen`);
    expect(lines[1]).toBe(`  2023-03-08 v1  2023-03-08T18:00:00.000Z  briefing.md briefing.json  “Harbour bridge”  ${join('out', SLUG, '2023-03-08', 'v1')}`);
    expect(lines[11]).toBe(`  ${DATE} v10  2023-03-09T06:10:00.000Z  briefing.md briefing.json  ${join('out', SLUG, DATE, 'v10')}`);
    expect(lines).toHaveLength(13);
    expect(lines[12]).toBe('');
  });
});
