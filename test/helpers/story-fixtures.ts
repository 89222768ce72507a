/**
 * Folders of one story told by several invented outlets (test/fixtures/<set>/<case>/): the articles in
 * input.json, what the brief must make of them in expected.json. `UPDATE_GOLDEN=1` rewrites the expected
 * files; read the diff before committing them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Document } from '../../src/model/source.js';
import { projectRoot } from './cli.js';
import { documentOf } from './documents.js';

interface StoryInput {
  about: string;
  date: string;
  sources: Array<{ id: string; outlet: string; published: string; paragraphs: string[] }>;
}

export interface StoryCase {
  name: string;
  about: string;
  date: string;
  documents: Document[];
  /** Compare with expected.json (or write it under UPDATE_GOLDEN=1). */
  matchesExpected(actual: unknown): void;
}

/** Every case of test/fixtures/<set>, in name order. */
export function storyCases(set: string): StoryCase[] {
  const root = join(projectRoot, 'test', 'fixtures', set);
  return readdirSync(root)
    .sort()
    .map((name) => {
      const input = JSON.parse(readFileSync(join(root, name, 'input.json'), 'utf8')) as StoryInput;
      const path = join(root, name, 'expected.json');
      return {
        name,
        about: input.about,
        date: input.date,
        documents: input.sources.map((s) => documentOf(s.id, { outlet: s.outlet, published: s.published }, s.paragraphs)),
        matchesExpected(actual: unknown) {
          if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
          if (!existsSync(path)) throw new Error(`${path} is missing: write it with UPDATE_GOLDEN=1 and review it`);
          expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
        },
      };
    });
}
