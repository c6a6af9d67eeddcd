// `dyad enqueue`: puts articles into the PostgreSQL job queue for workers.
import { parseArgs } from "node:util";
import type { ArticleInput } from "../../doc/types.js";
import { enqueueArticles } from "../../queue/jobs.js";
import { readInputs } from "../../stages/ingest/index.js";
import { UsageError, formatProblem } from "../io.js";
import { DB_OPTION, intOption, safeLocation } from "../store-options.js";
import { openQueueStore } from "../queue-store.js";

export const HELP = `usage: dyad enqueue <file|folder|->... [--db postgres://…] [options]

Reads articles (as "dyad ingest" does) and adds one job per article to the
queue in the PostgreSQL store, for "dyad worker" processes on any machine to
code. An article already queued (same id) is not queued twice. Bad records
are reported with file and line and skipped.

options:
  --db URL             the PostgreSQL store (default $DYAD_DB)
  --date YYYY-MM-DD    date for plain-text input without a date line
  --max-attempts N     tries before a job is set aside as dead (default 5)
`;

export async function enqueueCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, date: { type: "string" }, "max-attempts": { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  if (!positionals.length) throw new UsageError("expected at least one input: a file, a folder, or - for stdin");
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date: expected YYYY-MM-DD, got "${values.date}"`);
  const maxAttempts = intOption("max-attempts", values["max-attempts"], 5, 1, 100);
  const store = await openQueueStore(values.db);
  let read = 0, problems = 0, added = 0, already = 0;
  try {
    let batch: ArticleInput[] = [];
    const flush = async () => {
      const r = await enqueueArticles(store.pool, batch, maxAttempts);
      added += r.added; already += r.alreadyQueued; batch = [];
    };
    for await (const item of readInputs(positionals, { date: values.date })) {
      if (item.kind === "problem") {
        problems++;
        const p = item.problem;
        process.stderr.write(formatProblem(p) + "\n");
        continue;
      }
      read++;
      const { origin: _o, ...article } = item.article;
      batch.push(article);
      if (batch.length >= 500) await flush();
    }
    if (batch.length) await flush();
  } finally {
    await store.close();
  }
  process.stderr.write(`dyad enqueue: ${read} article(s) read, ${added} queued in ${safeLocation(store.location)}, ${already} already queued; ${problems} input problem(s) skipped\n`);
  return read === 0 ? 1 : 0;
}
