// `dyad info`: what a store holds and which coder made it.
import { parseArgs } from "node:util";
import { coderVersion } from "../../pipeline/coder-version.js";
import { writeOut } from "../io.js";
import { DB_OPTION, openStore } from "../store-options.js";

export const HELP = `usage: dyad info [--db FILE] [--json]

Counts of articles, events and mentions in the store, the span of event
dates, the coder that made them and the merge window.
`;

export async function infoCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...DB_OPTION, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const store = await openStore(values.db, false);
  try {
    const s = await store.stats();
    const info = {
      store: store.location, ...s,
      coderVersion: (await store.getMeta("coder_version")) ?? null, thisCoder: coderVersion(),
      mergeWindowDays: Number((await store.getMeta("merge_window_days")) ?? 0),
    };
    if (values.json) { await writeOut(JSON.stringify(info) + "\n"); return 0; }
    const n = (x: number) => x.toLocaleString("en-US");
    await writeOut([
      `store        ${info.store}`,
      `articles     ${n(s.articles)}`,
      `events       ${n(s.events)}  (${n(s.mentions)} mentions)`,
      `event dates  ${s.firstDate ? `${s.firstDate} to ${s.lastDate}` : "-"}`,
      `coded by     dyad ${info.coderVersion ?? "-"}${info.coderVersion && info.coderVersion !== info.thisCoder ? `  (this is ${info.thisCoder}: "dyad ingest --recode" recodes)` : ""}`,
      `merge window ${info.mergeWindowDays < 0 ? "off" : `${info.mergeWindowDays} day(s)`}`,
    ].join("\n") + "\n");
    return 0;
  } finally {
    await store.close();
  }
}
