// The ingest entry point: paths (files, folders, "-" for stdin) → a stream of
// articles and problems, in path order, one record at a time.
import { open, stat } from "node:fs/promises";
import { readStream } from "./read-stream.js";
import { problem } from "./problems.js";
import { STDIN_NAME, type IngestItem, type ReadOptions } from "./types.js";
import { walk } from "./walk.js";

function openProblem(path: string, err: unknown): IngestItem {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return problem("NOT_FOUND", path, undefined, "expected a file, a folder or - (stdin); found no such path");
  }
  return problem("UNREADABLE", path, undefined, `expected a readable file; opening it failed with ${code ?? String(err)}`);
}

async function* readFile(path: string, size: number | undefined, opts: ReadOptions): AsyncGenerator<IngestItem> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    yield openProblem(path, err);
    return;
  }
  // The stream owns the handle and closes it when destroyed.
  yield* readStream(handle.createReadStream(), path, opts, { size, owned: true });
}

/**
 * Reads every article from the given paths: "-" is stdin, folders are read
 * recursively (sorted, dotfiles skipped), files are streamed line by line.
 * Bad input never throws; it yields `{ kind: "problem" }` and goes on.
 * @example for await (const item of readInputs(["articles/"], { date: "2024-06-09" })) …
 */
export async function* readInputs(paths: string[], opts: ReadOptions): AsyncGenerator<IngestItem> {
  for (const path of paths) {
    if (path === "-") {
      yield* readStream(process.stdin, STDIN_NAME, opts, { owned: false });
      continue;
    }
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      yield openProblem(path, err);
      continue;
    }
    if (!st.isDirectory()) {
      // Given by name, a fifo or device is read too (e.g. <(zcat a.jsonl.gz)).
      yield* readFile(path, st.isFile() ? st.size : undefined, opts);
      continue;
    }
    for await (const entry of walk(path)) {
      if (entry.kind === "file") yield* readFile(entry.path, entry.size, opts);
      else yield entry;
    }
  }
}
