/**
 * YAML and JSON configuration files read with their line numbers, so every error can name the file, the
 * line and the key (sources.json/yaml, brief.yaml, themes).
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { BriefwrightError, ErrorCode } from '../errors.js';

export interface LocatedData {
  /** The file's content as plain JavaScript values. */
  data: unknown;
  /** The line (1-based) where the value at this key path starts, when the file has it. */
  lineOf(keys: ReadonlyArray<string | number>): number | undefined;
}

/**
 * Parse a configuration file's text: JSON is held to JSON when the name ends in .json (YAML would accept
 * more), anything else is YAML; duplicate keys are refused. Throws BriefwrightError(CONFIG) naming the line.
 */
export function parseConfigText(text: string, path: string): LocatedData {
  const body = text.replace(/^\uFEFF/, '');
  const isJson = /\.json$/i.test(path);
  if (isJson) checkJsonSyntax(body, path);
  const lineCounter = new LineCounter();
  const doc = parseDocument(body, { lineCounter, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    configError(path, yamlError.linePos?.[0].line, `not valid ${isJson ? 'JSON' : 'YAML'}: ${yamlError.message.split('\n')[0]}`);
  }
  const data = yamlData(doc);
  if ('error' in data) configError(path, undefined, data.error);
  return {
    data: data.value,
    lineOf(keys) {
      const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    },
  };
}

/**
 * The value of a parsed YAML document, or why it has none: aliases that would expand past the yaml
 * library's limit (a "billion laughs" file) are refused by it, and that refusal is an answer, not a crash.
 */
export function yamlData(doc: Document.Parsed): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS() as unknown };
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError) return { error: `cannot be read: ${error.message}` };
    throw error;
  }
}

/** A CONFIG error as "<path>:<line>: <message>" (the line left out when unknown). */
export function configError(path: string, line: number | undefined, message: string): never {
  throw new BriefwrightError(ErrorCode.CONFIG, `${path}${line === undefined ? '' : `:${line}`}: ${message}`);
}

function checkJsonSyntax(body: string, path: string): void {
  try {
    JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? undefined : body.slice(0, Number(position)).split('\n').length;
    configError(path, line, `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}
