// `dyad article ID`: one stored article with its events, the evidence of
// each marked in the text, so a user can see why the coder said what it said.
import { parseArgs } from "node:util";
import { renderTable } from "../../output/format.js";
import { eventTableRow, EVENT_TABLE_HEADER } from "../../output/stored-events.js";
import type { EventMention } from "../../store/types.js";
import { UsageError, writeOut } from "../io.js";
import { DB_OPTION, openStore } from "../store-options.js";

export const HELP = `usage: dyad article ID [--db FILE] [--format text|json]

Prints a stored article, its text with each event's evidence marked
[n: …] (coloured on a terminal), and the table of its events.
`;

/** The text with each mention's evidence span wrapped in markers; overlapping spans keep the first. */
export function markEvidence(text: string, spans: Pick<EventMention, "start" | "end">[], mark: (s: string, n: number) => string): string {
  let out = "", at = 0;
  spans.map((s, i) => ({ ...s, n: i + 1 })).sort((a, b) => a.start - b.start).forEach((s) => {
    if (s.start < at || s.end > text.length || s.end <= s.start) return;
    out += text.slice(at, s.start) + mark(text.slice(s.start, s.end), s.n);
    at = s.end;
  });
  return out + text.slice(at);
}

export async function articleCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...DB_OPTION, format: { type: "string", default: "text" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError("expected one article id");
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format: expected text or json, got "${values.format}"`);
  const store = await openStore(values.db, false);
  try {
    const found = await store.article(positionals[0]);
    if (!found) {
      process.stderr.write(`dyad article: no article "${positionals[0]}" in the store (ids are listed by "dyad events --format csv", column first_article)\n`);
      return 1;
    }
    if (values.format === "json") { await writeOut(JSON.stringify(found) + "\n"); return 0; }
    const { article: a, mentions, copies, copy } = found;
    // asked for by a copy's id: say whose copy it is before showing the story
    if (copy) process.stderr.write(`dyad article: "${copy.id}" is ${copy.source || "another outlet"}'s copy of "${a.id}", shown here\n`);
    const colour = !!process.stdout.isTTY;
    const mark = (s: string, n: number) => (colour ? `\x1b[1;33m[${n}: ${s}]\x1b[0m` : `[${n}: ${s}]`);
    const head = [["id", a.id], ["date", a.date], ["url", a.url ?? ""], ["outlet", a.source], ["title", a.title ?? ""]].filter(([, v]) => v);
    const lines = [
      ...head.map(([k, v]) => `${k.padEnd(7)} ${v}`),
      ...copies.map((c) => `copy    ${c.source || c.id}${c.url ? ` ${c.url}` : ""} (${c.date}, ${Math.round(c.similarity * 100)}% alike)`), "",
      markEvidence(a.text, mentions, mark), "",
      mentions.length
        ? renderTable(["n", ...EVENT_TABLE_HEADER], mentions.map((m, i) => [String(i + 1), ...eventTableRow(m.event)]))
        : "(no events coded in this article)",
    ];
    await writeOut(lines.join("\n") + "\n");
    return 0;
  } finally {
    await store.close();
  }
}
