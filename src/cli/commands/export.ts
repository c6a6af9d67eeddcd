// `dyad export`: stored events in the layouts of GDELT 2.0, ICEWS and POLECAT
// (PLOVER), or as CSV / TSV / JSON lines, streamed in date order.
import { parseArgs } from "node:util";
import { loadCameo, DEFAULT_DATA_DIR } from "../../lexicon/index.js";
import { csvLine, tsvLine } from "../../output/delimited.js";
import { EXPORT_FORMATS, GDELT_COLUMNS, ICEWS_COLUMNS, PLOVER_COLUMNS, gdeltRow, icewsRow, ploverJson, ploverRow, type ExportFormat } from "../../output/exports.js";
import { EVENT_COLUMNS, eventCells } from "../../output/stored-events.js";
import { coderVersion } from "../../pipeline/coder-version.js";
import type { StoredEvent } from "../../store/types.js";
import { UsageError, writeOut } from "../io.js";
import { DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filterFrom, openStore } from "../store-options.js";
import { join } from "node:path";

export const HELP = `usage: dyad export --format FORMAT [filters] [--db FILE]

Writes every matching event, oldest first, with a header line:
  gdelt        the 61 columns of the GDELT 2.0 event table (TSV)
  icews        the 20 columns of the ICEWS coded event files (TSV)
  plover       the POLECAT / PLOVER event columns (TSV)
  plover-json  one PLOVER-style JSON object per line
  csv, tsv     dyad's own columns (as "dyad events")
  jsonl        dyad's events as JSON lines
The README lists how each column is filled.

${FILTER_HELP}`;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, ...FILTER_OPTIONS, format: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${EXPORT_FORMATS.join(", ")}, got "${values.format ?? ""}"`);
  const filter = filterFrom(values, positionals);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const store = await openStore(values.db, false);
  try {
    const version = coderVersion();
    let line: (e: StoredEvent) => string;
    let header: string | undefined;
    if (format === "gdelt") { header = tsvLine(GDELT_COLUMNS); line = (e) => tsvLine(gdeltRow(e)); }
    else if (format === "icews") {
      const names = loadCameo(join(DEFAULT_DATA_DIR, "cameo.json")).codes;
      const name = (c: string) => names.get(c)?.name ?? "";
      header = tsvLine(ICEWS_COLUMNS); line = (e) => tsvLine(icewsRow(e, name));
    } else if (format === "plover") { header = tsvLine(PLOVER_COLUMNS); line = (e) => tsvLine(ploverRow(e, version)); }
    else if (format === "plover-json") line = (e) => JSON.stringify(ploverJson(e, version));
    else if (format === "csv") { header = csvLine([...EVENT_COLUMNS]); line = (e) => csvLine(eventCells(e)); }
    else if (format === "tsv") { header = tsvLine([...EVENT_COLUMNS]); line = (e) => tsvLine(eventCells(e)); }
    else line = (e) => JSON.stringify(e);
    if (header) await writeOut(header + "\n");
    // paged by keyset (oldest first), so any store streams in constant memory
    let after: { date: string; id: number } | undefined;
    for (;;) {
      const page = await store.events(filter, { limit: 5000, order: "asc", after });
      if (!page.length) break;
      await writeOut(page.map(line).join("\n") + "\n");
      const l = page[page.length - 1];
      after = { date: l.date, id: l.id };
      if (page.length < 5000) break;
    }
    return 0;
  } finally {
    await store.close();
  }
}
