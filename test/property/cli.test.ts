/**
 * Properties of the whole `brief build` (bin/brief.js over dist/), spawned on a temporary folder of hostile
 * files: it never exits 1 (a bug) nor says "internal error"; a bad file is a warning and the brief is built
 * from the rest; it writes nothing outside --out (HOME and TMPDIR point into the watched folder too); what it
 * writes is one complete version folder of well-formed outputs. Few runs: each spawns a process.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe } from 'vitest';
import { SLUG_PATTERN } from '../../src/options.js';
import { bannerProblem } from '../../src/render/theme.js';
import { filesUnder, projectRoot } from '../helpers/cli.js';
import { treeSnapshot } from '../helpers/tree.js';
import { runTool } from '../helpers/pdf-tools.js';
import { articleBytesShortWords, briefingDate, fileName, hostile, plainParagraph, sometimes } from './arbitraries.js';
import { check, checkMarkdown, checkSchema, strictUtf8 } from './invariants.js';
import { RunawayError } from './sandbox.js';
import { itHolds, show } from './settings.js';

const bin = join(projectRoot, 'bin', 'brief.js');

/** Longest a build of a few small files may take: seconds in practice, so only a runaway trips it. */
const MAX_BUILD_MS = 90_000;

interface Run {
  status: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

function runBrief(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new RunawayError(`brief build did not finish within ${MAX_BUILD_MS} ms`));
    }, MAX_BUILD_MS);
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.on('close', (status) => (clearTimeout(timer), resolvePromise({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err) })));
  });
}

const GOOD_ARTICLE = [
  'Harbour bridge closed after inspectors find cracks',
  '',
  'By Ilse Varga',
  '',
  'The Harbour Bridge was closed on Monday after inspectors found cracks in its main span, the city council said.',
  '',
  '"We will not reopen it until it is safe," said Maria Lopez, the council\'s chief engineer.',
].join('\n');

/** Overrides files beside the articles, valid or not (a malformed one is a CONFIG error, exit 3). */
const overridesFile = fc.oneof(
  fc.constantFrom(
    ['sources.json', '{"good.txt": {"outlet": "Coast Gazette", "published": "2024-03-01"}}'],
    ['sources.json', '{"good.txt": {"published": "2024-02-30"}}'],
    ['sources.json', '{"good.txt": {"outlet": 5}}'],
    ['sources.json', '[1, 2'],
    ['sources.yaml', 'good.txt: {outlet: &a x, author: *a}\nmissing.txt: {title: T}'],
    ['sources.yaml', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'],
    ['sources.yml', '"../../outside.txt": {title: escape}'],
  ),
  fc.tuple(fc.constantFrom('sources.json', 'sources.yaml'), hostile).map(([name, text]) => [name, text]),
);

const buildCase = fc.record({
  files: fc.uniqueArray(fc.record({ name: fileName, sub: fc.constantFrom('', '', 'sub', 'sub/deeper', '.hidden'), file: articleBytesShortWords }), {
    minLength: 1,
    maxLength: 4,
    selector: (f) => join(f.sub, f.name),
  }),
  good: fc.oneof(fc.constant<string | null>(GOOD_ARTICLE), fc.constant(null), plainParagraph.map((p) => `Bridge closed\n\n${p}`)),
  overrides: sometimes(overridesFile, 1 / 5),
  loop: fc.boolean(),
  date: briefingDate,
  title: sometimes(hostile.filter((t) => t.trim() !== '' && !t.includes('\0') && t.length <= 2_000), 1 / 4),
  banner: sometimes(hostile.filter((b) => bannerProblem(b) === null && !b.includes('\0')), 1 / 5),
  formats: fc.constantFrom('pdf,md,json', 'pdf,md,json', 'md,json', 'json', 'pdf'),
  pageSize: fc.constantFrom('A4', 'Letter', 'letter'),
});

describe('brief build on a folder of hostile files', () => {
  itHolds(
    'never exits 1 or reports an internal error, writes nothing outside --out, and leaves one complete version of well-formed outputs',
    buildCase,
    async (c) => {
      const root = mkdtempSync(join(tmpdir(), 'brief-property-'));
      try {
        const input = join(root, 'in');
        const out = join(root, 'out');
        for (const dir of [input, join(root, 'home'), join(root, 'tmp')]) mkdirSync(dir, { recursive: true });
        for (const f of c.files) {
          mkdirSync(join(input, f.sub), { recursive: true });
          writeFileSync(join(input, f.sub, f.name), f.file.bytes);
        }
        if (c.good !== null) writeFileSync(join(input, 'good.txt'), c.good);
        if (c.overrides !== null) writeFileSync(join(input, c.overrides[0]!), c.overrides[1]!);
        if (c.loop) symlinkSync('..', join(input, 'loop'));
        const before = treeSnapshot(root, relative(root, out));

        const args = ['build', 'in', `--date=${c.date}`, '--out=out', `--format=${c.formats}`, `--page-size=${c.pageSize}`];
        if (c.title !== null) args.push(`--title=${c.title}`);
        if (c.banner !== null) args.push(`--banner=${c.banner}`);
        const env = { ...process.env, NO_COLOR: '1', HOME: join(root, 'home'), TMPDIR: join(root, 'tmp'), TMP: join(root, 'tmp'), TEMP: join(root, 'tmp') };
        const run = await runBrief(args, root, env);
        const stdout = strictUtf8(run.stdout, 'stdout');
        const stderr = strictUtf8(run.stderr, 'stderr');
        const said = `exit ${run.status}; stderr: ${show(stderr, 1_500)}`;

        // The error line after "internal error", so that different crashes are told apart.
        const cause = /internal error[^\n]*\n([^\n]*)/i.exec(stderr)?.[1] ?? `exit ${run.status}`;
        check(run.status !== 1 && !/internal error/i.test(stdout + stderr), `brief build crashed (${cause}): ${said}`);
        // With a readable article among the inputs the brief must build; a malformed overrides file is a CONFIG error (3).
        const allowed = new Set([0, ...(c.good === null ? [4] : []), ...(c.overrides !== null ? [3] : [])]);
        check(allowed.has(run.status ?? -1), `brief build exited ${run.status}, expected one of ${[...allowed].join(', ')}: ${said}`);

        const after = treeSnapshot(root, relative(root, out));
        // The root's own entry changes as --out is made in it; everything else must not.
        const changed = [...after.filter((e) => !before.includes(e)), ...before.filter((e) => !after.includes(e))].map((e) => e.split(' ')[0]!).filter((e) => e !== './');
        check(changed.length === 0, `brief build changed things outside --out: ${show(changed.slice(0, 10))}`);

        let written: string[] = [];
        try {
          written = filesUnder(out);
        } catch {
          // no --out folder at all
        }
        if (run.status !== 0) {
          check(written.length === 0, `a failed build left files in --out: ${show(written)}`);
          return;
        }
        const dir = stdout.trim().split('\n').at(-1) ?? '';
        const versionDir = resolve(root, dir);
        check(versionDir.startsWith(out + sep), `the printed version folder ${show(dir)} is not inside --out`);
        const [slug, date, version, ...rest] = relative(out, versionDir).split(sep);
        check(rest.length === 0 && SLUG_PATTERN.test(slug ?? '') && date === c.date && version === 'v1', `the version folder ${show(dir)} is not out/<slug>/${c.date}/v1`);
        const formats = c.formats.split(',');
        const expected = [...formats.map((f) => `briefing.${f}`), 'manifest.json'].map((f) => join(slug!, date!, version!, f)).sort();
        check(JSON.stringify(written) === JSON.stringify(expected), `--out holds ${show(written)}, expected ${show(expected)}`);

        const manifest = JSON.parse(strictUtf8(readFileSync(join(versionDir, 'manifest.json')), 'manifest.json')) as { outputs: Array<{ path: string; sha256: string }> };
        for (const o of manifest.outputs) {
          const digest = createHash('sha256').update(readFileSync(join(versionDir, o.path))).digest('hex');
          check(digest === o.sha256, `manifest.json's hash of ${o.path} is not the file's`);
        }
        let briefing;
        if (formats.includes('json')) {
          briefing = JSON.parse(strictUtf8(readFileSync(join(versionDir, 'briefing.json')), 'briefing.json'));
          checkSchema(briefing, 'briefing.json');
        }
        if (formats.includes('md') && briefing) checkMarkdown(readFileSync(join(versionDir, 'briefing.md')), briefing);
        if (formats.includes('pdf')) {
          const pdf = join(versionDir, 'briefing.pdf');
          const qpdf = runTool('qpdf', ['--check', pdf]);
          check(qpdf.status === 0, `qpdf --check exits ${qpdf.status} on briefing.pdf: ${show(qpdf.stderr + qpdf.stdout, 600)}`);
        }
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
    { runs: 2, msPerRun: 90_000 },
  );
});
