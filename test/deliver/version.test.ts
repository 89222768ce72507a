/** Finding the version folder to send ("latest", "<slug>/latest", a path) and reading it for delivery. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeVersion } from '../../src/archive/store.js';
import { resolveVersionDir } from '../../src/deliver/index.js';
import { readVersion } from '../../src/deliver/version.js';
import { ErrorCode } from '../../src/errors.js';
import { testManifest } from '../helpers/manifests.js';
import { tempDir } from '../helpers/cli.js';

async function version(outDir: string, slug: string, date: string, fingerprint: string, files = ['briefing.pdf']) {
  const result = await writeVersion({
    outDir,
    slug,
    date,
    fingerprint,
    async render() {
      return files.map((name) => ({ name, bytes: new TextEncoder().encode(`${name} of ${fingerprint}\n`) }));
    },
    manifest: (v, outputs) => testManifest({ title: 'Bridge', slug, date, version: v }, fingerprint, outputs),
  });
  return result.dir;
}

describe('resolveVersionDir', () => {
  it('"latest" is the newest version of the newest date of the only brief', async () => {
    const out = tempDir();
    await version(out, 'bridge', '2023-03-08', 'a');
    await version(out, 'bridge', '2023-03-09', 'b');
    const newest = await version(out, 'bridge', '2023-03-09', 'c');
    await version(out, 'bridge', '2023-03-07', 'd');
    // A date folder holding only an unfinished run is passed over.
    mkdirSync(join(out, 'bridge', '2023-03-10', '.tmp-1-abcd'), { recursive: true });
    expect(newest).toMatch(/2023-03-09\/v2$/);
    expect(await resolveVersionDir('latest', out)).toBe(newest);
  });

  it('"<slug>/latest" names the brief when the archive holds several; bare "latest" then asks which', async () => {
    const out = tempDir();
    const bridge = await version(out, 'bridge', '2023-03-09', 'a');
    await version(out, 'tunnel', '2023-03-10', 'b');
    expect(await resolveVersionDir('bridge/latest', out)).toBe(bridge);
    await expect(resolveVersionDir('latest', out)).rejects.toMatchObject({
      code: ErrorCode.USAGE,
      message: expect.stringMatching(/2 briefs \(bridge, tunnel\).*bridge\/latest/),
    });
    await expect(resolveVersionDir('ferry/latest', out)).rejects.toMatchObject({ code: ErrorCode.USAGE, message: expect.stringContaining('ferry') });
  });

  it('takes a path to a version folder, and refuses a folder without a manifest or a missing path', async () => {
    const out = tempDir();
    const dir = await version(out, 'bridge', '2023-03-09', 'a');
    expect(await resolveVersionDir(dir, out)).toBe(dir);
    await expect(resolveVersionDir(join(out, 'bridge'), out)).rejects.toMatchObject({ code: ErrorCode.USAGE, message: expect.stringContaining('manifest.json') });
    await expect(resolveVersionDir(join(out, 'nope'), out)).rejects.toMatchObject({ code: ErrorCode.USAGE, message: expect.stringContaining('nope') });
    await expect(resolveVersionDir('latest', join(out, 'missing'))).rejects.toMatchObject({ code: ErrorCode.USAGE });
  });
});

describe('readVersion', () => {
  it('knows the archive root of a folder at <out>/<slug>/<date>/v<N>, and warns when a copy sits elsewhere', async () => {
    const out = tempDir();
    const dir = await version(out, 'bridge', '2023-03-09', 'a');
    const read = await readVersion(dir);
    expect(read.outDir).toBe(out);
    expect(read.briefing).toBeNull();
    expect(read.warnings.map((w) => w.reason)).toEqual([expect.stringContaining('briefing.json')]);

    const elsewhere = join(tempDir(), 'copy');
    mkdirSync(elsewhere);
    for (const name of ['manifest.json', 'briefing.pdf']) {
      writeFileSync(join(elsewhere, name), readFileSync(join(dir, name)));
    }
    const copy = await readVersion(elsewhere);
    expect(copy.outDir).toBeNull();
    expect(copy.warnings.map((w) => w.reason)).toContainEqual(expect.stringContaining('no send log'));
  });

  it('refuses a version without a PDF, a PDF the manifest does not list, and a manifest without the brief fields (DELIVERY)', async () => {
    const out = tempDir();
    const dir = await version(out, 'bridge', '2023-03-09', 'a', ['briefing.md']);
    await expect(readVersion(dir)).rejects.toMatchObject({ code: ErrorCode.DELIVERY, message: expect.stringContaining('no briefing.pdf') });
    writeFileSync(join(dir, 'briefing.pdf'), '%PDF-1.7 put here by hand\n');
    await expect(readVersion(dir)).rejects.toMatchObject({ code: ErrorCode.DELIVERY, message: expect.stringContaining('not listed') });
    writeFileSync(join(dir, 'manifest.json'), '{"brief":{}}');
    await expect(readVersion(dir)).rejects.toMatchObject({ code: ErrorCode.DELIVERY, message: expect.stringContaining('manifest.json') });
  });
});
