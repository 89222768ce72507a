/** Where the package's own files live at run time (dist/paths.js → package root), wherever it is installed. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const templatesDir = join(packageRoot, 'templates');
export const fontsDir = join(packageRoot, 'fonts');
export const schemaPath = join(packageRoot, 'schema', 'briefing.schema.json');

const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string };

/** "briefwright 0.1.0": stamped into manifests and PDF metadata. */
export const toolName = pkg.name;
export const toolVersion = pkg.version;

/** The fetch cache, inside the archive folder: a rerun reads what an earlier run fetched. */
export const FETCH_CACHE_DIR = '.cache/fetch';
