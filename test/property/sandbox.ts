/**
 * Library calls under a time limit. A pathological input can make a synchronous call run for minutes
 * (super-linear parsing of deeply nested markup), which nothing in the same thread can interrupt, or crash
 * the whole process (V8 out of memory); here each call runs in a child process over the compiled library
 * (dist/, which `npm test` builds first). A call over its limit ends the child and fails as a RunawayError;
 * a child that dies fails the call as a CrashError with the end of what it printed. The child is a plain
 * `node` like `brief`, with the same stack size, so overflows happen where they would in `brief`. Source maps
 * point stacks at src/.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { BuildResult } from '../../src/pipeline.js';
import type { SourceDraft } from '../../src/ingest/index.js';
import type { Briefing } from '../../src/model/briefing.js';
import type { Source } from '../../src/model/source.js';
import type { Warning } from '../../src/model/warning.js';
import type { AnalyzeOptions } from '../../src/options.js';
import type { OutputFormat, RenderContext, WriterResult } from '../../src/render/types.js';

/** A call that did not finish in time. */
export class RunawayError extends Error {
  override readonly name = 'RunawayError';
}

/** The child process died during a call (out of memory, a native crash). */
export class CrashError extends Error {
  override readonly name = 'CrashError';
}

/** An error the library threw in the worker, with its own name, message and stack. */
export class LibraryError extends Error {
  constructor(
    readonly thrownName: string,
    message: string,
    stack: string | undefined,
    readonly code: unknown,
  ) {
    super(message);
    this.name = thrownName;
    if (stack) this.stack = stack;
  }

  /** True for the library's own error class, the one kind of error a caller may expect. */
  get isBriefwrightError(): boolean {
    return this.thrownName === 'BriefwrightError';
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** One child and the calls it has not answered yet. */
interface Running {
  worker: ChildProcess;
  pending: Map<number, Pending>;
  /** Settles when the worker has loaded the library: time limits start then, not while it loads. */
  ready: Promise<void>;
}

export class Sandbox {
  private running: Running | undefined;
  private nextId = 0;
  /** Calls run one at a time: one that fast-check stopped waiting for still holds the child until it ends. */
  private queue: Promise<unknown> = Promise.resolve();

  private start(): Running {
    const worker = fork(new URL('./sandbox-child.mjs', import.meta.url), [], {
      execArgv: ['--enable-source-maps'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    worker.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4_000)));
    let loaded: () => void = () => {};
    let failed: (e: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => ((loaded = resolve), (failed = reject)));
    ready.catch(() => {}); // also awaited by each call
    const running: Running = { worker, pending: new Map(), ready };
    const failAll = (error: Error): void => {
      failed(error);
      for (const p of running.pending.values()) p.reject(error);
      running.pending.clear();
      if (this.running === running) this.running = undefined;
    };
    worker.on('message', ({ id, ok, value, error }: { id: number | 'ready'; ok: boolean; value: unknown; error: { name: string; message: string; stack?: string; code?: unknown } }) => {
      if (id === 'ready') return loaded();
      const p = running.pending.get(id);
      running.pending.delete(id);
      if (!p) return;
      if (ok) p.resolve(value);
      else p.reject(new LibraryError(error.name, error.message, error.stack, error.code));
    });
    worker.on('error', failAll);
    worker.on('exit', (code, signal) => failAll(new CrashError(`the sandbox process died (${signal ?? `exit ${code}`}): ${stderr.split('\n').filter((l) => /error|fatal|memory/i.test(l)).slice(0, 3).join(' | ') || stderr.slice(-500)}`)));
    return running;
  }

  private call<T>(op: string, args: unknown, limitMs: number, what: string): Promise<T> {
    const result = this.queue.then(() => this.run<T>(op, args, limitMs, what));
    this.queue = result.catch(() => {});
    return result;
  }

  private async run<T>(op: string, args: unknown, limitMs: number, what: string): Promise<T> {
    const running = (this.running ??= this.start());
    const id = this.nextId++;
    await running.ready;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        running.pending.delete(id);
        if (this.running === running) this.running = undefined;
        running.worker.kill('SIGKILL');
        reject(new RunawayError(`${what} did not finish within ${limitMs} ms`));
      }, limitMs);
      running.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      running.worker.send({ id, op, args });
    });
  }

  read(path: string, bytes: Uint8Array, date: string, limitMs = 10_000): Promise<{ sources: SourceDraft[]; warnings: Warning[] }> {
    return this.call('read', { path, bytes, date }, limitMs, `readSource on ${bytes.length} bytes`);
  }

  build(sources: Source[], options: AnalyzeOptions, limitMs = 20_000): Promise<BuildResult> {
    return this.call('build', { sources, options }, limitMs, `buildBriefing of ${sources.length} source(s)`);
  }

  write(format: OutputFormat, briefing: Briefing, context: RenderContext, limitMs = 30_000): Promise<WriterResult> {
    return this.call('write', { format, briefing, context }, limitMs, `the ${format} writer`);
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running && running.worker.exitCode === null) {
      const exited = new Promise((resolve) => running.worker.once('exit', resolve));
      running.worker.kill();
      await exited;
    }
  }
}
