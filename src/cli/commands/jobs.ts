// `dyad jobs`: the state of the PostgreSQL job queue, and its dead jobs.
import { parseArgs } from "node:util";
import { deadJobs, queueCounts, retryDead } from "../../queue/jobs.js";
import { renderTable } from "../../output/format.js";
import { writeOut } from "../io.js";
import { DB_OPTION, intOption } from "../store-options.js";
import { openQueueStore } from "../queue-store.js";

export const HELP = `usage: dyad jobs [--db postgres://…] [--dead [--limit N]] [--retry-dead] [--json]

Counts the queue's jobs by state (queued, running, done, dead) and how long
the oldest queued job has waited. --dead lists the jobs set aside after all
their attempts, with their last error; --retry-dead queues them again.
`;

export async function jobsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...DB_OPTION, dead: { type: "boolean" }, "retry-dead": { type: "boolean" }, limit: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const limit = intOption("limit", values.limit, 100, 1, 100_000);
  const store = await openQueueStore(values.db);
  try {
    if (values["retry-dead"]) {
      const n = await retryDead(store.pool);
      await writeOut(`dyad jobs: ${n} dead job(s) queued again\n`);
      return 0;
    }
    const counts = await queueCounts(store.pool);
    const dead = values.dead ? await deadJobs(store.pool, limit) : [];
    if (values.json) { await writeOut(JSON.stringify({ ...counts, ...(values.dead ? { deadJobs: dead } : {}) }) + "\n"); return 0; }
    const lines = [
      `queued   ${counts.queued}${counts.oldestQueuedSeconds !== undefined ? `  (oldest waiting ${counts.oldestQueuedSeconds} s)` : ""}`,
      `running  ${counts.running}`,
      `done     ${counts.done}`,
      `dead     ${counts.dead}${counts.dead && !values.dead ? '  ("dyad jobs --dead" lists them)' : ""}`,
    ];
    if (dead.length) lines.push("", renderTable(["job", "article", "attempts", "last error"], dead.map((d) => [String(d.id), d.articleId, String(d.attempts), d.lastError]), 80));
    await writeOut(lines.join("\n") + "\n");
    return 0;
  } finally {
    await store.close();
  }
}
