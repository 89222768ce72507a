/**
 * How the property tests run: a fixed seed and small run counts by default, so `npm test` stays quick and
 * deterministic; environment variables for a long or a different run.
 *
 *   PROPERTY_RUNS=300        runs per property (instead of each property's small default)
 *   PROPERTY_SEED=12345      another seed (the default is fixed, so CI sees the same cases every time)
 *   PROPERTY_PATH=17:3:0     with PROPERTY_SEED, replay one failure as fast-check printed it
 *   PROPERTY_COLLECT=1       do not stop at the first failure: run every case, group the failures by kind
 *                            (error and the frame it came from), shrink one case of each, and report them all
 *   PROPERTY_SHRINK_MS=60000 time allowed for shrinking each failure (default 15 s)
 *   PROPERTY_REPORT=file     with PROPERTY_COLLECT, also append each property's report of failures to this file
 *
 * A failure prints the seed, the path and the shrunk case (long strings elided in the middle), and the
 * original error with its stack.
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { it } from 'vitest';

const env = process.env;

function positiveInteger(name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

/** The default seed: any fixed number would do; this one is the day the suite was written. */
const DEFAULT_SEED = 20_240_304;

export const baseSeed = (() => {
  const raw = env['PROPERTY_SEED'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`PROPERTY_SEED must be a whole number, got "${raw}"`);
  return n;
})();

const replayPath = env['PROPERTY_PATH']?.trim() || undefined;
const collect = env['PROPERTY_COLLECT'] === '1' || env['PROPERTY_COLLECT'] === 'true';
const shrinkMs = positiveInteger('PROPERTY_SHRINK_MS') ?? 15_000;
const runsOverride = positiveInteger('PROPERTY_RUNS');

/**
 * The seed one property runs with: the base seed mixed with the property's name, so properties that share
 * generators still see different cases. Replaying needs only the base seed (PROPERTY_SEED) and the name.
 */
function seedFor(name: string): number {
  let h = baseSeed | 0;
  for (const c of name) h = (Math.imul(h ^ c.codePointAt(0)!, 0x01000193) + 0x9e3779b9) | 0;
  return h;
}

/** Runs for a property: its own small default, or PROPERTY_RUNS. */
export function runs(defaultRuns: number): number {
  return runsOverride ?? defaultRuns;
}

/**
 * A vitest timeout for a property of `defaultRuns` runs of at most `msPerRun` each: room for the runs,
 * for shrinking a failure, and for collecting when PROPERTY_COLLECT is set.
 */
export function timeout(defaultRuns: number, msPerRun: number): number {
  const n = runs(defaultRuns);
  const shrinking = collect ? shrinkMs * 6 : shrinkMs;
  return 30_000 + n * msPerRun * (collect ? 2 : 1) + shrinking;
}

/** A value for a failure report: fast-check's own notation, long strings elided in the middle. */
export function show(value: unknown, max = 1_500): string {
  const text = fc.stringify(value);
  if (text.length <= max) return text;
  return `${text.slice(0, max / 2)} …[${text.length - max} characters elided]… ${text.slice(-max / 2)}`;
}

/** The first lines of an error's stack that say where it came from: project code or the library that threw. */
function stackTop(error: unknown, lines = 8): string {
  if (!(error instanceof Error)) return String(error);
  const stack = (error.stack ?? `${error.name}: ${error.message}`).split('\n');
  const head = stack.findIndex((l) => /^\s+at /.test(l));
  const message = (head < 0 ? stack : stack.slice(0, head)).join('\n');
  const frames = head < 0 ? [] : stack.slice(head, head + lines);
  return [message.length > 2_000 ? `${message.slice(0, 2_000)}…` : message, ...frames].join('\n');
}

/**
 * What kind of failure this is, for grouping: the error's class and message with numbers and quoted text
 * blurred, and the first stack frame in project code (src/ or test/) or, failing that, in a library.
 */
export function failureKind(error: unknown): string {
  if (!(error instanceof Error)) return `thrown ${typeof error}`;
  const message = error.message
    .split('\n')[0]!
    .replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”/g, '…')
    .replace(/\d+/g, 'N')
    // The offending value at the end of an invariant's message varies from case to case: not part of the kind.
    .replace(/: …(?:[^;…]*…)?$/, '')
    .slice(0, 160);
  const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  const where = (pattern: RegExp) => frames.find((l) => pattern.test(l))?.replace(/^\s+at /, '').replace(/:\d+\)?$/, '').replace(/^.*\((.*)$/, '$1');
  // A stack overflow can stop in any frame of the recursion: name the frame that recurs most.
  const recurring = /call stack/.test(message) ? mostCommon(frames.filter((l) => /\/src\//.test(l)).map((l) => l.replace(/:\d+\)?$/, ''))) : undefined;
  const place = recurring?.replace(/^\s+at /, '').replace(/^.*\((.*)$/, '$1') ?? where(/\/src\//) ?? where(/node_modules\/(?!vitest|@vitest|fast-check|chai)/) ?? '';
  const file = place.replace(/^.*?\/(src\/|node_modules\/)/, '$1');
  return `${error.name}: ${message}${file ? ` @ ${file}` : ''}`;
}

function mostCommon(items: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

interface Collected {
  kind: string;
  firstRun: number;
  count: number;
  error: unknown;
  value: unknown;
}

/** How many runs a property makes by default, and how long one run may take (for the vitest timeout). */
export interface Budget {
  runs: number;
  msPerRun: number;
}

/**
 * A property test: `it(name)` checking `predicate` on values of `arbitrary`, which throws (an assertion
 * or the product's own error) when the property does not hold. See checkProperty.
 */
export function itHolds<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void> | void, budget: Budget): void {
  it(name, () => checkProperty(name, arbitrary, predicate, budget.runs), timeout(budget.runs, budget.msPerRun));
}

/**
 * Check a property. By default the first failing case stops the run and is then shrunk (for at most
 * PROPERTY_SHRINK_MS) and reported; with PROPERTY_COLLECT=1 every case runs, and one shrunk case of each
 * kind of failure is reported.
 */
export async function checkProperty<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void> | void, defaultRuns: number): Promise<void> {
  const numRuns = runs(defaultRuns);
  const seed = seedFor(name);
  const property = fc.asyncProperty(arbitrary, async (v) => predicate(v));
  if (!collect) {
    // Find the first failure without shrinking, then replay it and shrink with a time limit.
    const found = await fc.check(property, { numRuns, seed, ...(replayPath !== undefined ? { path: replayPath } : {}), endOnFailure: true });
    if (!found.failed) return;
    const shrunk = await fc.check(property, { numRuns, seed, path: found.counterexamplePath ?? '0', plugins: [fc.interruptAfterTimeLimit(shrinkMs)] });
    throw new Error(report(name, shrunk.failed && shrunk.counterexample !== null ? shrunk : found));
  }

  // Collect: one pass over every case, remembering the first case of each kind of failure.
  const found = new Map<string, Collected>();
  let run = 0;
  await fc.check(
    fc.asyncProperty(arbitrary, async (v) => {
      const index = run++;
      try {
        await predicate(v);
      } catch (error) {
        const kind = failureKind(error);
        const seen = found.get(kind);
        if (seen) seen.count++;
        else found.set(kind, { kind, firstRun: index, count: 1, error, value: v });
      }
    }),
    { numRuns, seed },
  );
  if (found.size === 0) return;

  // Then shrink each kind on its own: replay from its first case, failing only on that kind.
  const reports: string[] = [];
  for (const item of found.values()) {
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (v) => {
        try {
          await predicate(v);
        } catch (error) {
          if (failureKind(error) === item.kind) throw error;
        }
      }),
      { numRuns, seed, path: String(item.firstRun), plugins: [fc.interruptAfterTimeLimit(shrinkMs)] },
    );
    const header = `── ${item.kind}\n   ${item.count} of ${numRuns} cases; first at run ${item.firstRun}`;
    const unshrunk = `${header} (not shrunk: it did not fail again on replay, or shrinking ran out of time)\nCounterexample: ${show(item.value)}\nError: ${stackTop(item.error)}`;
    reports.push(details.failed && details.counterexample !== null ? `${header}\n${report(name, details)}` : unshrunk);
  }
  const text = `${name}: ${found.size} kind(s) of failure in ${numRuns} runs (PROPERTY_SEED=${baseSeed})\n\n${reports.join('\n\n')}`;
  if (env['PROPERTY_REPORT']) appendFileSync(env['PROPERTY_REPORT'], `${text}\n\n`);
  throw new Error(text);
}

interface FailureDetails {
  seed: number;
  counterexamplePath: string | null;
  counterexample: unknown;
  numRuns: number;
  numShrinks: number;
  interrupted: boolean;
  errorInstance: unknown;
}

function report(name: string, details: FailureDetails): string {
  const replay = `PROPERTY_SEED=${baseSeed} PROPERTY_PATH=${details.counterexamplePath ?? ''}`;
  const lines = [
    `Property failed: ${name}`,
    `after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s)${details.interrupted ? ' (shrinking interrupted)' : ''}; replay with ${replay}`,
    `Counterexample: ${show((details.counterexample as unknown[] | null)?.[0])}`,
    `Error: ${stackTop(details.errorInstance)}`,
  ];
  return lines.join('\n');
}
