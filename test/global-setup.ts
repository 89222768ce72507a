/**
 * vitest globalSetup: the CLI tests run bin/brief.js over the compiled dist/, so a plain `npx vitest run`
 * must not test yesterday's build. Before any test, every src/ file is compared with its dist/ output; if
 * one is missing or older (or tsconfig.json changed since), the project is built with `tsc -p tsconfig.json`.
 * After `npm run build` (as `npm test` does) the check finds nothing to do and costs a few milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every .ts file under a folder (declaration files aside), as paths relative to it. */
function sources(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const path = join(under, entry.name);
    if (entry.isDirectory()) return sources(dir, path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Why dist/ cannot be trusted for what src/ says now, or null when every output is newer than its source. */
export function staleReason(projectRoot: string): string | null {
  const src = join(projectRoot, 'src');
  const dist = join(projectRoot, 'dist');
  const config = statSync(join(projectRoot, 'tsconfig.json')).mtimeMs;
  for (const file of sources(src)) {
    const output = join(dist, file.replace(/\.ts$/, '.js'));
    if (!existsSync(output)) return `${relative(projectRoot, output)} does not exist`;
    const built = statSync(output).mtimeMs;
    if (statSync(join(src, file)).mtimeMs > built) return `src/${file} changed after ${relative(projectRoot, output)} was built`;
    if (config > built) return `tsconfig.json changed after ${relative(projectRoot, output)} was built`;
  }
  return null;
}

export default function setup(): void {
  const reason = staleReason(root);
  if (reason === null) return;
  process.stdout.write(`dist/ is out of date (${reason}): building with tsc -p tsconfig.json…\n`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`dist/ is out of date (${reason}) and the build failed, so the CLI tests would run stale code:\n${build.stdout}${build.stderr}`);
  }
  const still = staleReason(root);
  if (still !== null) throw new Error(`dist/ is still out of date after building (${still}); refusing to test stale code.`);
}
