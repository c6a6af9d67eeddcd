// Folder walking: every file under a folder, depth first, names sorted by
// plain string comparison (the same order on every machine, whatever the
// locale), dotfiles and dot-folders skipped (.git, .DS_Store are never articles).
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { problem } from "./problems.js";
import type { IngestItem } from "./types.js";

export type WalkEntry = { kind: "file"; path: string; size: number } | IngestItem;

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Files under `dir` (with sizes), or problems for folders that cannot be listed. */
export async function* walk(dir: string, seen: Set<string> = new Set()): AsyncGenerator<WalkEntry> {
  let names: string[];
  try {
    // A symlinked folder can point back up the tree: visit each real folder once.
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    names = await readdir(dir);
  } catch (err) {
    yield problem("UNREADABLE", dir, undefined, `expected a readable folder; listing failed with ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return;
  }
  for (const name of names.sort(byCodeUnit)) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    let st;
    try {
      st = await stat(path); // follows symlinks
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A dangling symlink is "not found" from the reader's point of view.
      yield problem(code === "ENOENT" ? "NOT_FOUND" : "UNREADABLE", path, undefined, `expected a file or folder; found ${code ?? String(err)}`);
      continue;
    }
    if (st.isDirectory()) yield* walk(path, seen);
    // Sockets, fifos and devices inside a folder are not articles: skipped.
    else if (st.isFile()) yield { kind: "file", path, size: st.size };
  }
}
