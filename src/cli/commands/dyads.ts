// `dyad dyads`: the busiest country pairs, both directions together, with
// event counts per quad class and Goldstein sums.
import { parseArgs } from "node:util";
import { csvLine, tsvLine } from "../../output/delimited.js";
import { renderTable } from "../../output/format.js";
import type { DyadRow } from "../../store/types.js";
import { UsageError, writeOut } from "../io.js";
import { DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filterFrom, intOption, openStore } from "../store-options.js";

export const HELP = `usage: dyad dyads [filters] [options]

The country pairs with the most events (either direction), with reports,
events per quad class and the sum and mean of Goldstein scores.

options:
  --db FILE                     the store
  --top N                       how many pairs (default 20)
  --format table|jsonl|csv|tsv  output (default table)

${FILTER_HELP}`;

const COLUMNS = ["a", "b", "events", "mentions", "goldstein_sum", "goldstein_mean", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];
const cells = (d: DyadRow) => [d.a, d.b, d.events, d.mentions, d.goldsteinSum, d.goldsteinMean, ...d.quads];

export async function dyadsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, ...FILTER_OPTIONS, top: { type: "string" }, format: { type: "string", default: "table" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const filter = filterFrom(values, positionals);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const top = intOption("top", values.top, 20, 1, 100_000);
  const format = values.format!;
  if (!["table", "jsonl", "csv", "tsv"].includes(format)) throw new UsageError(`--format: expected table, jsonl, csv or tsv, got "${format}"`);
  const store = await openStore(values.db, false);
  try {
    const rows = await store.dyads(filter, top);
    if (format === "jsonl") await writeOut(rows.map((r) => JSON.stringify(r) + "\n").join(""));
    else if (format === "csv") await writeOut([COLUMNS, ...rows.map(cells)].map(csvLine).join("\n") + "\n");
    else if (format === "tsv") await writeOut([COLUMNS, ...rows.map(cells)].map(tsvLine).join("\n") + "\n");
    else {
      const header = ["pair", "events", "reports", "goldstein sum", "mean", "v.coop", "m.coop", "v.conf", "m.conf"];
      const body = rows.map((d) => [`${d.a}–${d.b}`, String(d.events), String(d.mentions), d.goldsteinSum.toFixed(1), d.goldsteinMean.toFixed(2), ...d.quads.map(String)]);
      await writeOut((rows.length ? renderTable(header, body) : "(no events match)") + "\n");
    }
    return 0;
  } finally {
    await store.close();
  }
}
