// `dyad ingest`: articles in, events stored. Articles already stored are not
// coded again; batches are committed as they are coded, so an interrupted run
// keeps what it finished and the next run picks up the rest.
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { coderVersion } from "../../pipeline/coder-version.js";
import { ingestArticles, recodeStore, type IngestStats } from "../../pipeline/store-ingest.js";
import { estimateArticles } from "../../stages/ingest/estimate.js";
import { readInputs } from "../../stages/ingest/index.js";
import { DEFAULT_MERGE } from "../../store/merge.js";
import type { EventStore, MergeOptions } from "../../store/types.js";
import { UsageError, formatProblem } from "../io.js";
import { Progress } from "../progress.js";
import { checkUserDictionaries } from "./extract.js";
import { DB_OPTION, dbLocation, intOption, openStore } from "../store-options.js";

export const HELP = `usage: dyad ingest [options] <file|folder|->...
       dyad ingest --recode [options]

Codes articles and stores their events (SQLite at --db, $DYAD_DB or ./dyad.db).
Inputs are read as by "dyad extract". An article already stored (same id, url
or text) is skipped, so running the same ingest again stores nothing twice.
Reports of the same event in several articles are merged into one event.

options:
  --db FILE             the store (created when missing)
  --date YYYY-MM-DD     date for plain-text input without a date line
  --actors FILE         your own actors file (JSON, or PETRARCH/TABARI actors or agents; repeatable)
  --verbs FILE          your own verb patterns (JSON, or a PETRARCH/TABARI verb dictionary)
  --workers N           coding threads (default: all cores)
  --merge-window DAYS   merge reports of the same dyad and type up to DAYS apart
                        (default 0: same day only; -1: never merge). Kept with the store.
  --recode              recode every stored article with this coder, in one transaction
  --batch N             articles per transaction (default 200)
  --progress, --no-progress  show a progress line (default: when stderr is a terminal)
`;

function summary(s: IngestStats, recode: boolean): string {
  const n = (x: number) => x.toLocaleString("en-US");
  if (recode) return `dyad ingest: recoded ${n(s.stored)} article(s): ${n(s.newEvents)} event(s), ${n(s.mergedMentions)} report(s) merged into them`;
  return `dyad ingest: ${n(s.read)} article(s) read, ${n(s.stored)} coded and stored, ${n(s.alreadyStored)} already stored${alreadyWhy(s)}`
    + (s.copies ? `, ${n(s.copies)} stored as other outlets' copies of stored stories` : "") + "; "
    + `${n(s.newEvents)} new event(s), ${n(s.mergedMentions)} report(s) merged into events; ${n(s.problems)} input problem(s) skipped`
    + (s.failed ? `, ${n(s.failed)} article(s) failed` : "");
}

/** How the skipped articles were recognised, so a user can tell a re-run from records that collide. */
function alreadyWhy(s: IngestStats): string {
  const by = s.alreadyStoredBy, n = (x: number) => x.toLocaleString("en-US");
  const within = s.alreadyStored - by.id - by.text - by.url;
  const parts = [
    by.id ? `${n(by.id)} same id` : "", by.text ? `${n(by.text)} same text under another id` : "",
    by.url ? `${n(by.url)} without an id of their own, same url` : "", within > 0 ? `${n(within)} found stored only when written` : "",
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

async function mergeOptions(store: EventStore, given: string | undefined): Promise<MergeOptions> {
  if (given !== undefined) {
    const windowDays = intOption("merge-window", given, 0, -1, 365);
    await store.setMeta("merge_window_days", String(windowDays));
    return { windowDays };
  }
  const kept = await store.getMeta("merge_window_days");
  return kept !== undefined ? { windowDays: Number(kept) } : DEFAULT_MERGE;
}

export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    options: {
      ...DB_OPTION,
      date: { type: "string" }, actors: { type: "string", multiple: true }, verbs: { type: "string" }, workers: { type: "string" },
      "merge-window": { type: "string" }, recode: { type: "boolean" }, batch: { type: "string" },
      progress: { type: "boolean" }, help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date: expected YYYY-MM-DD, got "${values.date}"`);
  if (!positionals.length && !values.recode) throw new UsageError("expected at least one input: a file, a folder, or - for stdin (or --recode)");
  const dictOpts = checkUserDictionaries(values.verbs, values.actors);
  const workers = intOption("workers", values.workers, Math.max(1, availableParallelism()), 1, 256);
  const batchSize = intOption("batch", values.batch, 200, 1, 100_000);
  const showProgress = values.progress ?? !!process.stderr.isTTY;

  const store = await openStore(values.db, true);
  try {
    const merge = await mergeOptions(store, values["merge-window"]);
    const version = coderVersion();
    const progress = new Progress(values.recode && !positionals.length ? "recode" : "ingest", showProgress);
    const onProgress = (s: IngestStats) => progress.update({ done: s.stored + s.alreadyStored + s.failed, events: s.newEvents, errors: s.problems + s.failed });

    if (values.recode) {
      progress.total = (await store.stats()).articles;
      const s = await recodeStore(store, { workers, actorsFile: values.actors, verbsFile: values.verbs, ...dictOpts, merge, batchSize, onProgress });
      await store.setMeta("coder_version", version);
      progress.end();
      process.stderr.write(summary(s, true) + "\n");
      if (!positionals.length) return 0;
    } else {
      const used = await store.getMeta("coder_version");
      // a first ingest says which coder it is before its first batch, so a
      // run killed midway leaves a store that still names its coder
      if (!used) await store.setMeta("coder_version", version);
      if (used && used !== version) {
        process.stderr.write(`dyad ingest: note: the events in ${dbLocation(values.db)} were coded by dyad ${used}; this is ${version}. Run "dyad ingest --recode" to recode them all.\n`);
      }
    }

    if (showProgress) progress.total = await estimateArticles(positionals);
    const s = await ingestArticles(store, readInputs(positionals, { date: values.date }), {
      workers, actorsFile: values.actors, verbsFile: values.verbs, ...dictOpts, merge, batchSize, onProgress,
      onProblem: (p) => { progress.end(); process.stderr.write(formatProblem(p) + "\n"); },
      onCoderError: (a, msg) => {
        progress.end();
        const o = a.origin;
        process.stderr.write(`${o?.file ?? a.id}${o?.line ? `:${o.line}` : ""}: CODER_ERROR: article ${a.id}: ${msg} (not stored; it is tried again next run)\n`);
      },
    });
    if (s.stored) await store.setMeta("coder_version", version);
    await store.optimize?.();
    progress.end();
    process.stderr.write(summary(s, false) + "\n");
    return s.read === 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
