// A quick count of the articles in some paths, for a progress bar's ETA: a
// JSON-lines file counts its non-blank lines, any other file counts one.
// An estimate only (bad lines are counted too); stdin is not counted.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { walk } from "./walk.js";

async function countInFile(path: string): Promise<number> {
  let lines = 0, first = -1, lineHasText = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (first < 0 && b > 0x20 && b !== 0xef && b !== 0xbb && b !== 0xbf) {
        first = b;
        if (first !== 0x7b /* { */) return 1;
      }
      if (b === 0x0a) { if (lineHasText) lines++; lineHasText = false; }
      else if (b > 0x20) lineHasText = true;
    }
  }
  return lines + (lineHasText ? 1 : 0);
}

/** The number of articles the paths probably hold, or undefined when stdin is among them. */
export async function estimateArticles(paths: string[]): Promise<number | undefined> {
  let n = 0;
  for (const p of paths) {
    if (p === "-") return undefined;
    try {
      const st = await stat(p);
      if (st.isFile()) n += await countInFile(p);
      else if (st.isDirectory()) {
        for await (const e of walk(p)) if (e.kind === "file") n += await countInFile(e.path);
      }
    } catch { /* reported by the reader */ }
  }
  return n;
}
