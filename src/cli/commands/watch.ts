// `dyad watch`: codes new and changed files in folders as they arrive, until
// stopped. What it stored is remembered in the store, so a restart codes only
// what is new; SIGINT/SIGTERM finish the file at hand, then exit cleanly.
import { watch as fsWatch, type FSWatcher } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { coderVersion } from "../../pipeline/coder-version.js";
import { createCoder } from "../../pipeline/coder.js";
import { ingestArticles } from "../../pipeline/store-ingest.js";
import { scanFolders, type FileState } from "../../pipeline/watch-folder.js";
import { readInputs } from "../../stages/ingest/index.js";
import { DEFAULT_MERGE } from "../../store/merge.js";
import { UsageError, formatProblem } from "../io.js";
import { DB_OPTION, dbLocation, intOption, openStore } from "../store-options.js";

export const HELP = `usage: dyad watch <folder|file>... [--db FILE] [options]

Codes every file under the folders that is new or has changed since it was
stored, then keeps watching and codes files as they arrive, until stopped
(Ctrl-C, SIGTERM). Files are read as by "dyad ingest"; a file still being
written is taken once it stops changing. An article whose file was edited is
recoded (its old events are replaced). Restarting codes only what is new.

options:
  --db FILE         the store (created when missing)
  --interval MS     how often to look for changes (default 2000)
  --date YYYY-MM-DD date for plain-text files without a date line
  --actors FILE     your own actors file
`;

export async function watchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, interval: { type: "string" }, date: { type: "string" }, actors: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  if (!positionals.length) throw new UsageError("expected at least one folder or file to watch");
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date: expected YYYY-MM-DD, got "${values.date}"`);
  const interval = intOption("interval", values.interval, 2000, 50, 3_600_000);
  const paths = positionals.map((p) => resolve(p));
  const store = await openStore(values.db, true);
  const coder = createCoder({ actorsFile: values.actors });
  const kept = await store.getMeta("merge_window_days");
  const merge = kept !== undefined ? { windowDays: Number(kept) } : DEFAULT_MERGE;
  const log = (s: string) => process.stderr.write(`dyad watch: ${s}\n`);

  let stopping = false;
  let wake: (() => void) | undefined;
  const stop = (sig: string) => {
    if (stopping) { log(`${sig} again: stopping now (what was committed is kept)`); process.exit(130); }
    stopping = true;
    log(`${sig}: stopping after the file at hand`);
    wake?.();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  // fs.watch only wakes the poller early; the poll is what decides
  const watchers: FSWatcher[] = [];
  for (const p of paths) {
    try { watchers.push(fsWatch(p, { recursive: true }, () => wake?.())); } catch { /* polling alone still works */ }
  }

  log(`watching ${paths.join(", ")} into ${dbLocation(values.db)} (every ${interval} ms; Ctrl-C stops)`);
  let previous = new Map<string, FileState>();
  try {
    while (!stopping) {
      const stored = await store.watchedFiles();
      const scan = await scanFolders(paths, stored, previous, Math.max(1000, interval));
      previous = scan.seen;
      for (const f of scan.ready) {
        if (stopping) break;
        const s = await ingestArticles(store, readInputs([f.path], { date: values.date }), {
          workers: 1, coder, merge, replaceEdited: true,
          onProblem: (p) => log(formatProblem(p)),
          onCoderError: (a, m) => log(`${a.origin?.file ?? a.id}: CODER_ERROR: article ${a.id}: ${m}`),
        });
        await store.markWatched(f.path, f.size, f.mtimeMs);
        if (s.stored) await store.setMeta("coder_version", coderVersion());
        log(`${f.path}: ${s.stored} article(s) coded, ${s.alreadyStored} already stored${s.copies ? `, ${s.copies} copies` : ""}${s.replaced ? `, ${s.replaced} edited article(s) recoded` : ""}; ${s.newEvents} new event(s), ${s.mergedMentions} merged`);
      }
      if (stopping) break;
      await new Promise<void>((r) => { wake = r; setTimeout(r, interval); });
      wake = undefined;
    }
  } finally {
    for (const w of watchers) w.close();
    await store.close();
  }
  log("stopped");
  return 0;
}
