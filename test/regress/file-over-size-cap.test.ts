/**
 * Regression: a huge file (a log, a dump, a mis-saved page) was read whole and analysed for minutes.
 * Now each source has a size cap (16 MB by default, --max-file-size or maxFileSize in brief.yaml): a larger
 * file is rejected by name from its size alone, and the brief is built from the rest.
 */
import { openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefConfig } from '../../src/config/brief-config.js';
import { BriefwrightError } from '../../src/errors.js';
import { defaultInputOptions } from '../../src/options.js';
import { parseByteSize } from '../../src/sizes.js';
import { resolveBuildOptions } from '../../src/cli/config.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { buildWithHostile, ordinaryArticle, warningsAbout } from '../helpers/hostile.js';

describe('regression: a file over the size cap', () => {
  it('rejects a file over the default cap by name, with both sizes, and builds from the rest', () => {
    // A sparse file: as large as the cap says on disk, without writing its bytes.
    const dir = tempDir();
    const huge = join(dir, 'huge.txt');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, defaultInputOptions.maxFileBytes + 1);
    closeSync(fd);
    const out = join(dir, 'out');
    const r = runCli(['build', ordinaryArticle, huge, '--out', out, '--date', '2026-03-04', '--format', 'json', '-v']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/huge\.txt: input-rejected: file of 16,777,217 bytes is larger than the 16,777,216 bytes a source may be/);
  });

  it('takes the cap from --max-file-size', () => {
    const build = buildWithHostile({ 'notes.txt': `Harbour notes\n\n${'The pier was painted on Monday. '.repeat(200)}` }, ['--max-file-size', '4KB']);
    expect(build.status).toBe(0);
    const rejected = warningsAbout(build, 'notes.txt', 'input-rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatch(/^file of 6\.\d+ KB is larger than the 4 KB a source may be/);
    expect(warningsAbout(build, 'ordinary.txt', 'input-rejected')).toEqual([]);
  });

  it('refuses a size it cannot read, naming the flag', () => {
    const r = runCli(['build', ordinaryArticle, '--max-file-size', '5m', '--out', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--max-file-size must be a size such as 16MB');
  });

  it('reads sizes people write, and nothing else', () => {
    expect(parseByteSize('16MB')).toBe(16 * 1024 * 1024);
    expect(parseByteSize('800 kb')).toBe(800 * 1024);
    expect(parseByteSize('1048576')).toBe(1048576);
    expect(parseByteSize(2048)).toBe(2048);
    for (const bad of ['5m', '0', '-1', 'lots', '5MiB', '']) expect(parseByteSize(bad), bad).toBeUndefined();
  });

  it('takes maxFileSize from brief.yaml, checked with its line, and lets the flag win', () => {
    const dir = tempDir();
    const yaml = 'title: Ferry\nsources: [a.txt]\nmaxFileSize: 2MB\n';
    const config = parseBriefConfig(yaml, join(dir, 'brief.yaml'));
    expect(config.briefs[0]!.maxFileSize).toBe(2 * 1024 * 1024);
    expect(() => parseBriefConfig('title: Ferry\nsources: [a.txt]\nmaxFileSize: huge\n', join(dir, 'brief.yaml'))).toThrow(/brief\.yaml:3.*"maxFileSize" must be a size/);
    expect(resolveBuildOptions({ sources: [], maxFileSize: '1KB' }).input.maxFileBytes).toBe(1024);
    expect(() => resolveBuildOptions({ sources: [], maxFileSize: 'x' })).toThrow(BriefwrightError);
  });

  it('applies maxFileSize from brief.yaml to a configured build', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), `Harbour notes\n\n${'The pier was painted on Monday. '.repeat(200)}`);
    writeFileSync(join(dir, 'brief.yaml'), `title: Ferry\nsources: ['${ordinaryArticle}', big.txt]\nmaxFileSize: 4KB\nformats: [json]\nout: out\n`);
    const r = runCli(['build', '--config', join(dir, 'brief.yaml'), '--date', '2026-03-04', '-v']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/big\.txt: input-rejected: file of [\d.]+ KB is larger than the 4 KB/);
  });
});
