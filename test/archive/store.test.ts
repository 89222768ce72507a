import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256, type Manifest } from '../../src/archive/manifest.js';
import { latestVersion, writeVersion, type VersionRequest } from '../../src/archive/store.js';
import { slugify } from '../../src/archive/slug.js';
import { testManifest } from '../helpers/manifests.js';
import { BriefwrightError } from '../../src/errors.js';

function request(outDir: string, fingerprint: string, overrides: Partial<VersionRequest> = {}): VersionRequest {
  return {
    outDir,
    slug: 'harbour-bridge',
    date: '2023-03-09',
    fingerprint,
    async render(version) {
      return [{ name: 'briefing.md', bytes: new TextEncoder().encode(`# Harbour bridge\n\nVersion ${version}\n`) }];
    },
    manifest: (version, outputs) => testManifest({ title: 'Harbour bridge', slug: 'harbour-bridge', date: '2023-03-09', version }, fingerprint, outputs),
    ...overrides,
  };
}

describe('writeVersion', () => {
  it('writes v1, then makes no new version for the same fingerprint, then v2 for a new one', async () => {
    const out = mkdtempSync(join(tmpdir(), 'store-'));
    const first = await writeVersion(request(out, 'aaa'));
    expect(first).toMatchObject({ version: 1, created: true });
    expect(readFileSync(join(first.dir, 'briefing.md'), 'utf8')).toContain('Version 1');

    const again = await writeVersion(request(out, 'aaa'));
    expect(again).toMatchObject({ version: 1, created: false, dir: first.dir });

    const second = await writeVersion(request(out, 'bbb'));
    expect(second).toMatchObject({ version: 2, created: true });
    expect(readdirSync(join(out, 'harbour-bridge', '2023-03-09')).sort()).toEqual(['v1', 'v2']);
  });

  it('records the hash of every output in the manifest', async () => {
    const out = mkdtempSync(join(tmpdir(), 'store-'));
    const { dir } = await writeVersion(request(out, 'aaa'));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const bytes = readFileSync(join(dir, 'briefing.md'));
    expect(manifest.outputs).toEqual([{ path: 'briefing.md', sha256: sha256(bytes), bytes: bytes.byteLength }]);
  });

  it('leaves no version and no temporary folder when rendering fails half-way', async () => {
    const out = mkdtempSync(join(tmpdir(), 'store-'));
    await writeVersion(request(out, 'aaa'));
    const failing = request(out, 'bbb', {
      async render() {
        throw new Error('renderer crashed');
      },
    });
    await expect(writeVersion(failing)).rejects.toThrow('renderer crashed');
    expect(readdirSync(join(out, 'harbour-bridge', '2023-03-09'))).toEqual(['v1']);
  });

  it('leaves no half version when a file cannot be written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'store-'));
    const clash = request(out, 'aaa', {
      async render() {
        // Two files with one name: the second exclusive create fails after the first was written.
        return [
          { name: 'briefing.md', bytes: new Uint8Array([1]) },
          { name: 'briefing.md', bytes: new Uint8Array([2]) },
        ];
      },
    });
    await expect(writeVersion(clash)).rejects.toBeInstanceOf(BriefwrightError);
    expect(readdirSync(join(out, 'harbour-bridge', '2023-03-09'))).toEqual([]);
    expect(await latestVersion(join(out, 'harbour-bridge', '2023-03-09'))).toBeUndefined();
  });

  it('gives two concurrent runs different version numbers', async () => {
    const out = mkdtempSync(join(tmpdir(), 'store-'));
    const [a, b] = await Promise.all([writeVersion(request(out, 'aaa')), writeVersion(request(out, 'bbb'))]);
    expect([a.version, b.version].sort()).toEqual([1, 2]);
    expect(existsSync(join(a.dir, 'manifest.json')) && existsSync(join(b.dir, 'manifest.json'))).toBe(true);
  });
});

describe('slugify', () => {
  it.each([
    ['Harbour bridge closed after cracks found', 'harbour-bridge-closed-after-cracks-found'],
    ['Jürg & Łódź: “quotes”', 'jurg-and-lodz-quotes'],
    // Was 'brief', one name shared by every title without Latin letters (the bug this fixed).
    ['Київ', 'kyiv'],
    ['Αθήνα', 'athina'],
    ['A'.repeat(80), 'a'.repeat(60)],
    ['word '.repeat(20), 'word-word-word-word-word-word-word-word-word-word-word-word'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});
