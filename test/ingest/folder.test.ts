import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, expandInputs, isUnsupportedName } from '../../src/ingest/folder.js';
import { fixture } from './fixtures.js';

describe('expandInputs', () => {
  it('walks a folder recursively in path order, skipping hidden files and unsupported types', async () => {
    const dir = fixture('mixed-folder');
    const { files, overrideFiles, warnings } = await expandInputs([dir], dir);
    expect(files.map((f) => f.display)).toEqual(['blank.txt', 'empty.txt', 'good.txt', 'sub/nested.md']);
    expect(files[0]?.absolute).toBe(join(dir, 'blank.txt'));
    expect(overrideFiles).toEqual([]);
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'input-rejected', source: 'photo.png', reason: 'unsupported type (.png)' }),
    ]);
  });

  it('collects sources.json files instead of reading them as articles, also next to files named one by one', async () => {
    const dir = fixture('overrides');
    const walked = await expandInputs([dir], dir);
    // expected.json is the fixture's own answer file: a folder walk offers it like any file.
    expect(walked.files.map((f) => f.display)).toEqual(['a.txt', 'b.html', 'expected.json', 'sub/c.txt']);
    expect(walked.overrideFiles).toEqual([join(dir, 'sources.json')]);

    const named = await expandInputs([join(dir, 'b.html')], dir);
    expect(named.files.map((f) => f.display)).toEqual(['b.html']);
    expect(named.overrideFiles).toEqual([join(dir, 'sources.json')]);
  });

  it('warns about a path that does not exist and still returns the others', async () => {
    const dir = fixture('overrides');
    const { files, warnings } = await expandInputs(['nope/missing.txt', 'a.txt'], dir);
    expect(files.map((f) => f.display)).toEqual(['a.txt']);
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'input-rejected', source: 'nope/missing.txt', reason: 'no such file or folder' }),
    ]);
  });

  it('lists a file given twice (directly and through its folder) once', async () => {
    const dir = fixture('overrides');
    const { files } = await expandInputs(['a.txt', '.'], dir);
    expect(files.map((f) => f.display)).toEqual(['a.txt', 'b.html', 'expected.json', 'sub/c.txt']);
  });

  it('takes a file given by name whatever its extension: its bytes decide', async () => {
    const dir = fixture('mixed-folder');
    const { files, warnings } = await expandInputs(['photo.png', '.notes.txt'], dir);
    expect(files.map((f) => f.display)).toEqual(['.notes.txt', 'photo.png']);
    expect(warnings).toEqual([]);
  });
});

describe('displayPath', () => {
  it('is relative inside the working folder and absolute outside it', () => {
    expect(displayPath('/work/x/a.txt', '/work')).toBe('x/a.txt');
    expect(displayPath('/elsewhere/a.txt', '/work')).toBe('/elsewhere/a.txt');
  });
});

describe('isUnsupportedName', () => {
  it('knows obvious non-articles by extension, case-insensitively', () => {
    expect(['a.PNG', 'b.pdf', 'c.zip', 'd.mp4'].every(isUnsupportedName)).toBe(true);
    expect(['a.txt', 'b.html', 'c.md', 'd.json', 'noext'].some(isUnsupportedName)).toBe(false);
  });
});
