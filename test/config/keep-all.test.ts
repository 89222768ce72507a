/** `keepAll` in brief.yaml: read, checked, and laid under the `--keep-all` flag into the analyze options. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../src/cli/config.js';
import { plannedJobs, resolveJob, type JobFlags } from '../../src/cli/jobs.js';
import { parseBriefConfig } from '../../src/config/brief-config.js';
import { BriefwrightError, ErrorCode } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'keep-all-'));
const path = join(dir, 'brief.yaml');
const now = DateTime.fromISO('2026-03-02T08:00:00Z');

async function keepAllOf(text: string, flags: JobFlags = {}): Promise<Array<boolean | undefined>> {
  const jobs = await Promise.all(plannedJobs(parseBriefConfig(text, path), flags, now).map(resolveJob));
  return jobs.map((j) => j.analyze.keepAll);
}

function configError(text: string): BriefwrightError {
  try {
    parseBriefConfig(text, path);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefwrightError);
    return error as BriefwrightError;
  }
  throw new Error('expected a CONFIG error');
}

describe('keepAll in brief.yaml', () => {
  describe('when it is true or false', () => {
    it('is read for the brief, and a top-level value is the default each brief may override', async () => {
      expect(parseBriefConfig('slug: port\nsources: a\nkeepAll: true', path).briefs[0]!.keepAll).toBe(true);
      expect(await keepAllOf('slug: port\nsources: a\nkeepAll: true')).toEqual([true]);
      expect(await keepAllOf('keepAll: true\nbriefs:\n  - slug: a\n    sources: a\n  - slug: b\n    sources: b\n    keepAll: false')).toEqual([true, false]);
    });

    it('is off when absent, and the flag wins over the file either way', async () => {
      expect(await keepAllOf('slug: port\nsources: a')).toEqual([false]);
      expect(await keepAllOf('slug: port\nsources: a', { keepAll: true })).toEqual([true]);
      expect(await keepAllOf('slug: port\nsources: a\nkeepAll: true', { keepAll: false })).toEqual([false]);
    });
  });

  describe('when it is not a boolean', () => {
    it.each([
      ['a string', 'slug: port\nsources: a\nkeepAll: "yes"', 3],
      ['a number', 'slug: port\nsources: a\nkeepAll: 1', 3],
      ['a list, inside a brief', 'briefs:\n  - slug: port\n    sources: a\n    keepAll: [true]', 4],
    ])('refuses %s, naming the file, line and field', (_what, text, line) => {
      const error = configError(text);
      expect(error.code).toBe(ErrorCode.CONFIG);
      expect(error.message).toContain(`brief.yaml:${line}: "keepAll" must be true or false`);
    });
  });
});

describe('resolveBuildOptions', () => {
  it('always sets keepAll, false unless --keep-all is given, so equal options fingerprint alike', () => {
    expect(resolveBuildOptions({ sources: ['a'], date: '2026-03-02' }).analyze.keepAll).toBe(false);
    expect(resolveBuildOptions({ sources: ['a'], date: '2026-03-02', keepAll: true }).analyze.keepAll).toBe(true);
  });
});
