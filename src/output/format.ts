// Output formats for coded events: JSON lines for pipes, TSV with a header
// for spreadsheets, and an aligned table for people.
import type { CodedEvent } from "../doc/types.js";

export type OutputFormat = "jsonl" | "tsv" | "table";
export const OUTPUT_FORMATS: OutputFormat[] = ["jsonl", "tsv", "table"];

export const TSV_COLUMNS = [
  "article", "event", "date", "type", "mode", "cameo", "goldstein", "quad",
  "source_text", "source_name", "source_country", "source_sector", "source_role",
  "target_text", "target_name", "target_country", "target_sector", "target_role",
  "location", "location_country", "lat", "lon", "confidence", "evidence",
] as const;

const clean = (v: unknown) => (v === undefined || v === null ? "" : String(v).replace(/[\t\r\n]+/g, " "));

export function tsvHeader(): string {
  return TSV_COLUMNS.join("\t");
}

export function tsvRow(e: CodedEvent): string {
  return [
    e.article, e.event, e.date, e.type, e.mode, e.cameo, e.goldstein, e.quad,
    e.source.text, e.source.name, e.source.country, e.source.sector, e.source.role,
    e.target.text, e.target.name, e.target.country, e.target.sector, e.target.role,
    e.location?.name, e.location?.country, e.location?.lat, e.location?.lon, e.confidence, e.evidence.text,
  ].map(clean).join("\t");
}

export function jsonLine(e: CodedEvent): string {
  return JSON.stringify(e);
}

const actorCell = (a: CodedEvent["source"]) => `${a.name ?? a.text} (${a.country}, ${a.sector})`;

/** Rows for the people's table: source, type, target, where, when. */
export function tableRow(e: CodedEvent): string[] {
  const where = e.location ? `${e.location.name}, ${e.location.country}` : "";
  return [e.article, actorCell(e.source), e.type + (e.mode ? ` / ${e.mode}` : ""), actorCell(e.target), where, e.date];
}

export const TABLE_HEADER = ["article", "source", "type", "target", "where", "when"];

/** Pads cells into aligned columns, cutting long ones. */
export function renderTable(header: string[], rows: string[][], maxWidth = 40): string {
  const cut = (s: string) => (s.length > maxWidth ? s.slice(0, maxWidth - 1) + "…" : s);
  const all = [header, ...rows].map((r) => r.map(cut));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? "").padEnd(widths[i])).join("  ").trimEnd();
  return [line(all[0]), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join("\n");
}
