// What a folder watcher should ingest on each pass: files that are new or
// changed since it last stored them, once they have stopped growing (a file
// still being copied in is left for the next pass).
import { stat } from "node:fs/promises";
import { walk } from "../stages/ingest/walk.js";

export interface FileState {
  size: number;
  mtimeMs: number;
}

export interface Scan {
  /** Files to ingest now: new or changed, and unchanged since the previous pass. */
  ready: { path: string; size: number; mtimeMs: number }[];
  /** Every file seen this pass, for the next pass's "still growing" check. */
  seen: Map<string, FileState>;
}

const same = (a: FileState | undefined, b: FileState) => !!a && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * One pass over the watched paths. `stored` are the files ingested before
 * (kept in the store, so restarts skip them); `previous` is the last pass.
 * A file is ready when it differs from what was stored and is the same as in
 * the previous pass, or is older than `settleMs`.
 */
export async function scanFolders(paths: string[], stored: Map<string, FileState>, previous: Map<string, FileState>, settleMs = 1000, now = Date.now()): Promise<Scan> {
  const seen = new Map<string, FileState>();
  const ready: Scan["ready"] = [];
  const consider = (path: string, st: FileState) => {
    seen.set(path, st);
    if (same(stored.get(path), st)) return;
    if (same(previous.get(path), st) || now - st.mtimeMs >= settleMs) ready.push({ path, ...st });
  };
  for (const p of paths) {
    let st;
    try { st = await stat(p); } catch { continue; }
    if (st.isFile()) { consider(p, { size: st.size, mtimeMs: st.mtimeMs }); continue; }
    for await (const e of walk(p)) {
      if (e.kind !== "file") continue;
      try {
        const s = await stat(e.path);
        consider(e.path, { size: s.size, mtimeMs: s.mtimeMs });
      } catch { /* removed meanwhile */ }
    }
  }
  ready.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ready, seen };
}
