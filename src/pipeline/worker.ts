// Worker thread body: one coder per thread, coding batches of articles sent
// by the pool. Errors in one article are returned, not thrown, so a batch goes on.
import { parentPort, workerData } from "node:worker_threads";
import type { ArticleInput, CodedEvent } from "../doc/types.js";
import { createCoder, type CoderOptions } from "./coder.js";

export interface BatchRequest { batch: number; articles: ArticleInput[] }
export interface BatchResult { batch: number; results: ({ events: CodedEvent[] } | { error: string })[] }

const coder = createCoder(workerData as CoderOptions);
parentPort!.on("message", (msg: BatchRequest) => {
  const results = msg.articles.map((a) => {
    try {
      return { events: coder.code(a) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  parentPort!.postMessage({ batch: msg.batch, results } satisfies BatchResult);
});
parentPort!.postMessage({ ready: true });
