// `dyad events`: stored events matching filters, as a table for people or
// JSON lines / CSV / TSV for pipes.
import { parseArgs } from "node:util";
import { csvLine, tsvLine } from "../../output/delimited.js";
import { renderTable } from "../../output/format.js";
import { EVENT_COLUMNS, EVENT_TABLE_HEADER, eventCells, eventTableRow } from "../../output/stored-events.js";
import { UsageError, writeOut } from "../io.js";
import { DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filterFrom, intOption, openStore } from "../store-options.js";

export const HELP = `usage: dyad events [filters] [options]

Lists stored events, newest first. Each event counts its reports:
mentions/articles/sources ("reports" in the table).

options:
  --db FILE                       the store (default $DYAD_DB or ./dyad.db)
  --format table|jsonl|csv|tsv    output (default table)
  --limit N                       at most N events (default 100 for the table, all otherwise; 0: all)
  --order desc|asc                by date (default desc: newest first)

${FILTER_HELP}`;

const FORMATS = ["table", "jsonl", "csv", "tsv"] as const;

export async function eventsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, ...FILTER_OPTIONS, format: { type: "string", default: "table" }, limit: { type: "string" }, order: { type: "string", default: "desc" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${FORMATS.join(", ")}, got "${values.format}"`);
  if (values.order !== "asc" && values.order !== "desc") throw new UsageError(`--order: expected asc or desc, got "${values.order}"`);
  const filter = filterFrom(values, positionals);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const limit = intOption("limit", values.limit, format === "table" ? 100 : 0, 0, Number.MAX_SAFE_INTEGER);

  const store = await openStore(values.db, false);
  try {
    const order = values.order;
    if (format === "table") {
      const events = await store.events(filter, { limit: limit || undefined, order });
      await writeOut((events.length ? renderTable(EVENT_TABLE_HEADER, events.map(eventTableRow)) : "(no events match)") + "\n");
      if (limit && events.length === limit) {
        const total = await store.countEvents(filter);
        if (total > limit) process.stderr.write(`dyad events: showing ${limit} of ${total.toLocaleString("en-US")} events; use --limit or more filters\n`);
      }
      return 0;
    }
    if (format === "csv") await writeOut(csvLine([...EVENT_COLUMNS]) + "\n");
    if (format === "tsv") await writeOut(tsvLine([...EVENT_COLUMNS]) + "\n");
    // Pages by keyset so a large result streams in constant memory.
    let after: { date: string; id: number } | undefined;
    let left = limit || Infinity;
    for (;;) {
      const page = await store.events(filter, { limit: Math.min(5000, left), order, after });
      if (!page.length) break;
      const lines = page.map((e) => (format === "jsonl" ? JSON.stringify(e) : format === "csv" ? csvLine(eventCells(e)) : tsvLine(eventCells(e))));
      await writeOut(lines.join("\n") + "\n");
      left -= page.length;
      const last = page[page.length - 1];
      after = { date: last.date, id: last.id };
      if (left <= 0) break;
    }
    return 0;
  } finally {
    await store.close();
  }
}
