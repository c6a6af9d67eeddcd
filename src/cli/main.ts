// The dyad command line: one module per command, this file only dispatches.
import { evalCommand, HELP as EVAL_HELP } from "./commands/eval.js";
import { extractCommand, HELP as EXTRACT_HELP } from "./commands/extract.js";
import { articleCommand, HELP as ARTICLE_HELP } from "./commands/article.js";
import { dyadsCommand, HELP as DYADS_HELP } from "./commands/dyads.js";
import { eventsCommand, HELP as EVENTS_HELP } from "./commands/events.js";
import { exportCommand, HELP as EXPORT_HELP } from "./commands/export.js";
import { infoCommand, HELP as INFO_HELP } from "./commands/info.js";
import { ingestCommand, HELP as INGEST_HELP } from "./commands/ingest.js";
import { serveCommand, HELP as SERVE_HELP } from "./commands/serve.js";
import { watchCommand, HELP as WATCH_HELP } from "./commands/watch.js";
import { enqueueCommand, HELP as ENQUEUE_HELP } from "./commands/enqueue.js";
import { jobsCommand, HELP as JOBS_HELP } from "./commands/jobs.js";
import { migrateCommand, HELP as MIGRATE_HELP } from "./commands/migrate.js";
import { workerCommand, HELP as WORKER_HELP } from "./commands/worker.js";
import { timelineCommand, HELP as TIMELINE_HELP } from "./commands/timeline.js";
import { parseCommand, HELP as PARSE_HELP } from "./commands/parse.js";
import { StoreError } from "../store/errors.js";
import { UsageError } from "./io.js";

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  extract: { run: extractCommand, help: EXTRACT_HELP },
  ingest: { run: ingestCommand, help: INGEST_HELP },
  events: { run: eventsCommand, help: EVENTS_HELP },
  dyads: { run: dyadsCommand, help: DYADS_HELP },
  timeline: { run: timelineCommand, help: TIMELINE_HELP },
  article: { run: articleCommand, help: ARTICLE_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
  info: { run: infoCommand, help: INFO_HELP },
  serve: { run: serveCommand, help: SERVE_HELP },
  watch: { run: watchCommand, help: WATCH_HELP },
  migrate: { run: migrateCommand, help: MIGRATE_HELP },
  enqueue: { run: enqueueCommand, help: ENQUEUE_HELP },
  worker: { run: workerCommand, help: WORKER_HELP },
  jobs: { run: jobsCommand, help: JOBS_HELP },
  eval: { run: evalCommand, help: EVAL_HELP },
  parse: { run: parseCommand, help: PARSE_HELP },
};

const USAGE = `usage: dyad <command> [options]

commands:
  extract   code dated news articles into events (JSON lines, TSV or a table)
  ingest    code articles into a store of events (SQLite: --db, $DYAD_DB or ./dyad.db)
  events    list stored events, with filters (table, JSON lines, CSV, TSV)
  dyads     the busiest country pairs, with Goldstein sums
  timeline  events per day/week/month/year for a country or a pair
  article   one stored article with its events and their evidence
  export    stored events as GDELT, ICEWS, PLOVER/POLECAT, CSV, TSV or JSON lines
  info      what a store holds and which coder made it
  serve     the HTTP API and the explorer page over a store
  watch     code new and changed files in folders as they arrive, until stopped
  migrate   create or upgrade a store's schema
  enqueue   queue articles for coding workers (PostgreSQL store)
  worker    code queued articles into the store, on as many machines as wanted
  jobs      the job queue's state and its dead jobs
  eval      score dyad against gold annotations (P/R/F1 per type, misses, confusion)
  parse     dependency-parse text into CoNLL-U (UD relations), or score the parser (--eval)

Run "dyad <command> --help" for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") { process.stdout.write(USAGE); return cmd ? 0 : 2; }
  const c = COMMANDS[cmd];
  if (!c) { process.stderr.write(`dyad: unknown command "${cmd}"\n\n${USAGE}`); return 2; }
  try {
    return await c.run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`dyad ${cmd}: ${(e as Error).message}\n\n${c.help}`);
      return 2;
    }
    if (e instanceof StoreError) {
      process.stderr.write(`dyad ${cmd}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

// EPIPE (e.g. piping into `head`) is a normal end of output, not a crash.
process.stdout.on("error", (e: NodeJS.ErrnoException) => { if (e.code === "EPIPE") process.exit(0); });
main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`dyad: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
