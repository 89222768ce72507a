/** The published JSON Schema, compiled once with ajv (draft 2020-12), for tests that check written briefings. */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { schemaPath } from '../../src/paths.js';

export const briefingSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

// ajv and ajv-formats are CommonJS; under NodeNext their default export is the module object.
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
addFormats.default(ajv);

export const validateBriefing = ajv.compile(briefingSchema);

/** ajv's errors as one readable line each ("/summary/0/sources must NOT have fewer than 1 items"). */
export function schemaErrors(): string[] {
  return (validateBriefing.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}
