// `dyad timeline A [B]`: events per day/week/month/year for one country or a
// pair, with the mean Goldstein score and the count per quad class.
import { parseArgs } from "node:util";
import { csvLine, tsvLine } from "../../output/delimited.js";
import { renderTable } from "../../output/format.js";
import { FilterError, parseFilter, parseInterval } from "../../store/filter.js";
import type { TimelineRow } from "../../store/types.js";
import { UsageError, writeOut } from "../io.js";
import { DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filterFrom, openStore } from "../store-options.js";

export const HELP = `usage: dyad timeline COUNTRY [OTHER] [options] [filters]

Events per period for one country (either side) or a pair (either
direction), with the mean Goldstein score and events per quad class.
Empty periods between busy ones are shown as zeros.

options:
  --db FILE                     the store
  --by day|week|month|year      period (default week; weeks start on Monday)
  --format table|jsonl|csv|tsv  output (default table)

${FILTER_HELP}`;

const COLUMNS = ["period", "events", "goldstein_mean", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];
const cells = (r: TimelineRow) => [r.period, r.events, r.goldsteinMean, ...r.quads];

export async function timelineCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, ...FILTER_OPTIONS, by: { type: "string", default: "week" }, format: { type: "string", default: "table" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const filter = filterFrom(values, positionals);
  if (!positionals.length || positionals.length > 2) throw new UsageError("expected one country (IRN) or two (IRN PAK)");
  try {
    const actors = parseFilter(positionals.length === 2 ? { between: positionals } : { actor: positionals[0] }, () => "country");
    Object.assign(filter, actors);
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(e.message);
    throw e;
  }
  let by;
  try { by = parseInterval(values.by!); } catch (e) { throw new UsageError((e as Error).message); }
  const format = values.format!;
  if (!["table", "jsonl", "csv", "tsv"].includes(format)) throw new UsageError(`--format: expected table, jsonl, csv or tsv, got "${format}"`);
  const store = await openStore(values.db, false);
  try {
    const rows = await store.timeline(filter, by);
    if (format === "jsonl") await writeOut(rows.map((r) => JSON.stringify(r) + "\n").join(""));
    else if (format === "csv") await writeOut([COLUMNS, ...rows.map(cells)].map(csvLine).join("\n") + "\n");
    else if (format === "tsv") await writeOut([COLUMNS, ...rows.map(cells)].map(tsvLine).join("\n") + "\n");
    else {
      const header = [by, "events", "goldstein", "v.coop", "m.coop", "v.conf", "m.conf"];
      const body = rows.map((r) => [r.period, String(r.events), r.events ? r.goldsteinMean.toFixed(2) : "", ...r.quads.map(String)]);
      await writeOut((rows.length ? renderTable(header, body) : "(no events match)") + "\n");
    }
    return 0;
  } finally {
    await store.close();
  }
}
