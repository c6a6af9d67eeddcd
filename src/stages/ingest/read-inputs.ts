// The ingest entry point: paths (files, folders, "-" for stdin, http(s)
// URLs) → a stream of articles and problems, in path order, one record at a
// time.
import { open, stat } from "node:fs/promises";
import type { FollowLink } from "./feed.js";
import { isUrlInput, readUrl } from "./fetch-url.js";
import { readStream, type StreamInfo } from "./read-stream.js";
import { problem } from "./problems.js";
import { STDIN_NAME, type IngestItem, type ReadOptions } from "./types.js";
import { walk } from "./walk.js";

/**
 * With followLinks, a feed item's linked page is fetched and read; links are
 * not followed again from there (a linked feed must not start a crawl).
 */
function follower(opts: ReadOptions): Pick<StreamInfo, "follow"> {
  if (!opts.followLinks) return {};
  const once = { ...opts, followLinks: false };
  const follow: FollowLink = (url, hints) => readUrl(url, once, hints);
  return { follow };
}

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
  yield* readStream(handle.createReadStream(), path, opts, { size, owned: true, ...follower(opts) });
}

/**
 * Reads every article from the given paths: "-" is stdin, http(s) URLs are
 * fetched, folders are read recursively (sorted, dotfiles skipped), and each
 * input is read by its content (JSON lines, dated text, HTML, RSS/Atom, WARC,
 * any of them gzipped), streamed where the format allows.
 * Bad input never throws; it yields `{ kind: "problem" }` and goes on.
 * @example for await (const item of readInputs(["articles/", "https://example.org/feed.xml"], { date: "2024-06-09" })) …
 */
export async function* readInputs(paths: string[], opts: ReadOptions): AsyncGenerator<IngestItem> {
  for (const path of paths) {
    if (path === "-") {
      yield* readStream(process.stdin, STDIN_NAME, opts, { owned: false, ...follower(opts) });
      continue;
    }
    if (isUrlInput(path)) {
      yield* readUrl(path, opts, {}, follower(opts));
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
