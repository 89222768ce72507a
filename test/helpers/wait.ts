/**
 * Wait on a condition, never on the clock: poll until `condition` holds, failing with what was awaited if
 * it does not within the bound. The bound is a safety net for a hung test, not part of what is tested, so
 * it is generous. Uses the real timers captured at load, so it works while a test fakes `Date` or timers.
 */
const realSetTimeout = globalThis.setTimeout;
const realNow = performance.now.bind(performance);

export interface WaitOptions {
  /** Give up after this long (real time). */
  timeoutMs?: number;
  /** Pause between checks. */
  intervalMs?: number;
}

export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  const { timeoutMs = 20_000, intervalMs = 5 } = options;
  const deadline = realNow() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (realNow() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => realSetTimeout(resolve, intervalMs));
  }
}
