// Codes a stream of articles on several worker threads, in input order, with
// a bounded number of batches in flight so memory stays flat however long
// the input is.
import { Worker } from "node:worker_threads";
import type { ArticleInput, CodedEvent } from "../doc/types.js";
import type { Coder, CoderOptions } from "./coder.js";
import { createCoder } from "./coder.js";
import type { BatchResult } from "./worker.js";

export type CodeResult = { article: ArticleInput; events: CodedEvent[] } | { article: ArticleInput; error: string };

export interface PoolOptions extends CoderOptions {
  workers: number;
  /** A coder already loaded, used in process instead of loading another (a server codes many small requests). */
  coder?: Coder;
  batchSize?: number;
}

/** In-process coding, for one worker or small inputs. */
async function* codeInProcess(articles: AsyncIterable<ArticleInput>, opts: PoolOptions): AsyncGenerator<CodeResult> {
  const coder = opts.coder ?? createCoder(opts);
  for await (const a of articles) {
    let r: CodeResult;
    try {
      r = { article: a, events: coder.code(a) };
    } catch (e) {
      r = { article: a, error: (e as Error).message };
    }
    yield r;
  }
}

/** Codes articles on `workers` threads (in process when 1), yielding results in input order. */
export async function* codeArticles(articles: AsyncIterable<ArticleInput>, opts: PoolOptions): AsyncGenerator<CodeResult> {
  if (opts.workers <= 1 || opts.coder) {
    yield* codeInProcess(articles, opts);
    return;
  }
  // Threads start only once there is something to code: a re-run over input
  // that is all stored already pays nothing for them.
  const it = articles[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  yield* codeOnThreads((async function* () {
    yield first.value;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  })(), opts);
}

async function* codeOnThreads(articles: AsyncIterable<ArticleInput>, opts: PoolOptions): AsyncGenerator<CodeResult> {
  const batchSize = opts.batchSize ?? 16;
  const workerData: CoderOptions = { dataDir: opts.dataDir, actorsFile: opts.actorsFile, verbsFile: opts.verbsFile, skipBadDictionaryEntries: opts.skipBadDictionaryEntries };
  const url = new URL("./worker.js", import.meta.url);
  const workers = await Promise.all(Array.from({ length: opts.workers }, () => new Promise<Worker>((resolve, reject) => {
    // a bounded old generation keeps each thread's heap from growing lazily with input size
    // (its live data is ~150 MB: the lexicon, the English model and the place index)
    const w = new Worker(url, { workerData, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    w.once("error", reject);
    w.once("message", () => resolve(w));
  })));
  const idle = [...workers];
  const pending = new Map<number, { articles: ArticleInput[]; done?: BatchResult }>();
  let nextBatch = 0, nextOut = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => { const w = wake; wake = undefined; w?.(); };
  for (const w of workers) {
    w.on("message", (msg: BatchResult) => {
      const p = pending.get(msg.batch);
      if (p) p.done = msg;
      idle.push(w);
      notify();
    });
    w.on("error", (e) => { failure = e; notify(); });
  }
  const waitForChange = () => new Promise<void>((r) => { wake = r; });
  const maxInFlight = opts.workers * 3;

  function* drain(): Generator<CodeResult> {
    for (;;) {
      const p = pending.get(nextOut);
      if (!p?.done) return;
      pending.delete(nextOut++);
      for (let i = 0; i < p.articles.length; i++) {
        const r = p.done.results[i];
        yield "error" in r ? { article: p.articles[i], error: r.error } : { article: p.articles[i], events: r.events };
      }
    }
  }
  function dispatch(batch: ArticleInput[]): void {
    const w = idle.shift()!;
    const id = nextBatch++;
    pending.set(id, { articles: batch });
    w.postMessage({ batch: id, articles: batch });
  }
  try {
    let batch: ArticleInput[] = [];
    const flush = async function* (): AsyncGenerator<CodeResult> {
      // wait for a free worker, handing out finished results meanwhile
      for (;;) {
        yield* drain();
        if (failure) throw failure;
        if (idle.length && pending.size < maxInFlight) break;
        await waitForChange();
      }
      dispatch(batch);
      batch = [];
    };
    for await (const a of articles) {
      batch.push(a);
      if (batch.length >= batchSize) yield* flush();
    }
    if (batch.length) yield* flush();
    while (pending.size) {
      yield* drain();
      if (!pending.size) break;
      if (failure) throw failure;
      await waitForChange();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
