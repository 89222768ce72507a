// The other side of sandbox.ts: a child process that runs one library call at a time on the compiled
// library (dist/, built by `npm test`) and sends back its result or the error it threw, so a runaway call
// can be stopped and a crash (out of memory) takes only this process down.
import { buildBriefing, writers } from '../../dist/index.js';
import { readSource } from '../../dist/ingest/index.js';

const operations = {
  read: ({ path, bytes, date }) => readSource(path, bytes, date),
  build: ({ sources, options }) => buildBriefing(sources, options),
  write: async ({ format, briefing, context }) => writers[format].write(briefing, context),
};

process.on('message', async ({ id, op, args }) => {
  try {
    const value = await operations[op](args);
    process.send({ id, ok: true, value });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    process.send({ id, ok: false, error: { name: e.name, message: e.message, stack: e.stack, code: e.code } });
  }
});
// Leave when the parent does.
process.on('disconnect', () => process.exit(0));
process.send({ id: 'ready' });
