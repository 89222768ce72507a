// The other side of sandbox.ts: runs one library call at a time on the compiled library (dist/, built by
// `npm test`) and posts back its result or the error it threw, so a runaway call can be stopped.
import { parentPort } from 'node:worker_threads';
import { buildBriefing, writers } from '../../dist/index.js';
import { readSource } from '../../dist/ingest/index.js';

const operations = {
  read: ({ path, bytes, date }) => readSource(path, bytes, date),
  build: ({ sources, options }) => buildBriefing(sources, options),
  write: async ({ format, briefing, context }) => writers[format].write(briefing, context),
};

parentPort.postMessage({ id: 'ready' });

parentPort.on('message', async ({ id, op, args }) => {
  try {
    const value = await operations[op](args);
    parentPort.postMessage({ id, ok: true, value });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort.postMessage({ id, ok: false, error: { name: e.name, message: e.message, stack: e.stack, code: e.code } });
  }
});
