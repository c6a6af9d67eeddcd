// Stored (merged) events as rows: the columns of `dyad events` for CSV, TSV,
// JSON lines and the people's table.
import type { StoredActor, StoredEvent } from "../store/types.js";
import type { Cell } from "./delimited.js";

export const EVENT_COLUMNS = [
  "id", "date", "type", "mode", "cameo", "goldstein", "quad",
  "source_name", "source_country", "source_sector", "source_role",
  "target_name", "target_country", "target_sector", "target_role",
  "place", "place_country", "lat", "lon",
  "num_mentions", "num_articles", "num_sources", "confidence",
  "first_article", "source_url", "outlet", "evidence", "added",
] as const;

export function eventCells(e: StoredEvent): Cell[] {
  return [
    e.id, e.date, e.type, e.mode, e.cameo, e.goldstein, e.quad,
    e.source.name, e.source.country, e.source.sector, e.source.role,
    e.target.name, e.target.country, e.target.sector, e.target.role,
    e.place?.name, e.place?.country, e.place?.lat, e.place?.lon,
    e.numMentions, e.numArticles, e.numSources, e.confidence,
    e.firstArticle, e.sourceUrl, e.outlet, e.evidence, e.added,
  ];
}

export const EVENT_TABLE_HEADER = ["id", "date", "source", "type", "target", "where", "reports", "goldstein"];

const actor = (a: StoredActor) => `${a.name} (${a.country}, ${a.sector})`;

export function eventTableRow(e: StoredEvent): string[] {
  return [
    String(e.id), e.date, actor(e.source), e.type + (e.mode ? ` / ${e.mode}` : ""), actor(e.target),
    e.place ? `${e.place.name}, ${e.place.country}` : "",
    `${e.numMentions}/${e.numArticles}/${e.numSources}`, e.goldstein.toFixed(1),
  ];
}
