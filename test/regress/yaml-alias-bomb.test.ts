/**
 * Regression: YAML whose aliases expand exponentially ("billion laughs") made the yaml library throw
 * "Excessive alias count" out of the reader or the config loader: exit 1 for the whole build. Now front
 * matter like that loses its fields with a warning, and a config or sources.yaml like that is a config error.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefConfig } from '../../src/config/brief-config.js';
import { readSource } from '../../src/ingest/index.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { ordinaryArticle } from '../helpers/hostile.js';

const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');

describe('regression: a YAML alias bomb', () => {
  it('in front matter: the article is read, its front matter ignored with a warning', () => {
    const text = `---\n${bomb}\ntitle: *d\n---\n# Ferry back\n\nThe ferry returned to service on Monday.\n`;
    const read = readSource('bomb.md', new TextEncoder().encode(text), '2026-03-04');
    expect(read.sources).toHaveLength(1);
    expect(read.sources[0]!.blocks.map((b) => b.text)).toContain('The ferry returned to service on Monday.');
    const warned = read.warnings.find((w) => w.kind === 'metadata-missing');
    expect(warned?.excerpt).toMatch(/alias/i);
  });

  it('in brief.yaml: a config error naming the file', () => {
    expect(() => parseBriefConfig(`${bomb}\ntitle: Ferry\nsources: [a.txt]\n`, 'brief.yaml')).toThrow(/brief\.yaml: cannot be read: .*alias/i);
  });

  it('in sources.yaml: exit 3 naming the file, not an internal error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Ferry back\n\nThe ferry returned to service on Monday.\n');
    writeFileSync(join(dir, 'sources.yaml'), `${bomb}\n"a.txt": { outlet: *d }\n`);
    const r = runCli(['build', dir, ordinaryArticle, '--out', join(dir, 'out'), '--date', '2026-03-04', '--format', 'json']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/sources\.yaml: cannot be read/);
  });
});
