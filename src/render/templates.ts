/**
 * Handlebars template sets: `briefing.<kind>.hbs` plus `partials/*.<kind>.hbs`, bundled in templates/,
 * with a user folder whose files replace bundled ones of the same name. Every error names the file it
 * came from, because "not defined in [object Object]" alone does not tell a user which template to fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isFile, isFolder } from '../fs-checks.js';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { BriefwrightError, ErrorCode } from '../errors.js';
import { templatesDir as bundledTemplatesDir } from '../paths.js';

/** One template file: its partial name ("timeline"), where it was read from, and its text. */
export interface TemplateFile {
  name: string;
  file: string;
  source: string;
}

/** The templates of one kind: the main template and every partial, overrides already applied. */
export interface TemplateSet {
  main: TemplateFile;
  partials: TemplateFile[];
}

/** A Handlebars environment, such as an isolated Handlebars.create() instance. */
export type HandlebarsEnv = typeof Handlebars;
type CompileOptions = NonNullable<Parameters<HandlebarsEnv['compile']>[1]>;

/** Renders a compiled template set; throws BriefwrightError(RENDER) naming the failing file. */
export type RenderTemplate = (view: object) => string;

const PARTIALS = 'partials';

/** The partial files of one folder by partial name; an absent folder has none. */
function partialFiles(folder: string, suffix: string): Map<string, string> {
  const dir = join(folder, PARTIALS);
  const found = new Map<string, string>();
  if (!isFolder(dir)) return found;
  for (const entry of readdirSync(dir).sort()) {
    const name = entry.slice(0, -suffix.length);
    if (entry.endsWith(suffix) && name !== '') found.set(name, join(dir, entry));
  }
  return found;
}

function readTemplate(name: string, file: string, userFile: boolean): TemplateFile {
  try {
    // CRLF from an editor would otherwise leak "\r" into the output.
    return { name, file, source: readFileSync(file, 'utf8').replace(/\r\n?/g, '\n') };
  } catch (error) {
    const code = userFile ? ErrorCode.CONFIG : ErrorCode.RENDER;
    throw new BriefwrightError(code, `cannot read template ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Read the templates of one kind ("md" reads briefing.md.hbs and partials/*.md.hbs). Files in
 * `overrideDir` win over bundled files of the same name; the others fall back to the bundled ones.
 */
export function loadTemplateSet(kind: string, overrideDir?: string, bundledDir = bundledTemplatesDir): TemplateSet {
  if (overrideDir !== undefined && !isFolder(overrideDir)) {
    throw new BriefwrightError(ErrorCode.CONFIG, `templates folder ${overrideDir} does not exist or is not a folder`);
  }
  const suffix = `.${kind}.hbs`;
  const mainName = `briefing${suffix}`;
  const userMain = overrideDir === undefined ? undefined : join(overrideDir, mainName);
  const main =
    userMain !== undefined && isFile(userMain)
      ? readTemplate('briefing', userMain, true)
      : readTemplate('briefing', join(bundledDir, mainName), false);
  const files = partialFiles(bundledDir, suffix);
  const userFiles = overrideDir === undefined ? new Map<string, string>() : partialFiles(overrideDir, suffix);
  for (const [name, file] of userFiles) files.set(name, file);
  const partials = [...files.keys()].sort().map((name) => readTemplate(name, files.get(name)!, userFiles.has(name)));
  return { main, partials };
}

/** Handlebars errors carry their line in the message (" - 3:5"); prefix the file so users know where. */
function renderError(file: string, error: unknown): BriefwrightError {
  if (error instanceof BriefwrightError) return error;
  // Strict mode says '"x" not defined in [object Object]'; the object's name helps nobody.
  const message = (error instanceof Error ? error.message : String(error)).replace(/ in \[object \w+\]/, '');
  return new BriefwrightError(ErrorCode.RENDER, `template ${file}: ${message}`, { cause: error });
}

/** Compile one file, failing now (not at first use) on a syntax error, and tag run-time errors with the file. */
function compileFile(hb: HandlebarsEnv, template: TemplateFile, options: CompileOptions): Handlebars.TemplateDelegate {
  try {
    hb.parse(template.source);
  } catch (error) {
    throw renderError(template.file, error);
  }
  const compiled = hb.compile(template.source, options);
  const run = (context: unknown, runtime?: Handlebars.RuntimeOptions): string => {
    try {
      return compiled(context, runtime);
    } catch (error) {
      throw renderError(template.file, error);
    }
  };
  return run;
}

/**
 * Compile a template set into `hb` (an isolated Handlebars.create() instance with its helpers registered):
 * partials are registered by name, the main template is returned.
 */
export function compileTemplateSet(hb: HandlebarsEnv, set: TemplateSet, options: CompileOptions): RenderTemplate {
  for (const partial of set.partials) hb.registerPartial(partial.name, compileFile(hb, partial, options));
  const main = compileFile(hb, set.main, options);
  return (view) => main(view);
}
