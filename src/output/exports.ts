// Exports in the column layouts of the datasets analysts already use, so a
// script written for GDELT 2.0, ICEWS or POLECAT reads dyad's events as they
// are. Columns dyad does not know are left empty; the README documents each
// mapping. Written for dyad from the datasets' published column lists.
import { countryName } from "../lexicon/index.js";
import type { Sector } from "../doc/types.js";
import type { StoredActor, StoredEvent } from "../store/types.js";
import type { Cell } from "./delimited.js";

export type ExportFormat = "gdelt" | "icews" | "plover" | "plover-json" | "csv" | "tsv" | "jsonl";
export const EXPORT_FORMATS: ExportFormat[] = ["gdelt", "icews", "plover", "plover-json", "csv", "tsv", "jsonl"];

/** dyad's sectors as CAMEO actor type codes (GDELT's Actor1Type1Code). */
const CAMEO_TYPE: Record<Sector, string> = {
  GOV: "GOV", MIL: "MIL", LEG: "LEG", JUD: "JUD", POL: "COP", OPP: "OPP", PTY: "PTY", REB: "REB", BUS: "BUS",
  MED: "MED", NGO: "NGO", CIV: "CVL", REL: "REL", EDU: "EDU", HLH: "HLH", IGO: "IGO", OTH: "",
};

/** dyad's sectors in words, as ICEWS and POLECAT name sectors. */
export const SECTOR_NAMES: Record<Sector, string> = {
  GOV: "Government", MIL: "Military", LEG: "Legislative", JUD: "Judicial", POL: "Police", OPP: "Opposition",
  PTY: "Political Party", REB: "Rebel", BUS: "Business", MED: "Media", NGO: "NGO", CIV: "Civilian",
  REL: "Religious", EDU: "Education", HLH: "Health", IGO: "International Organization", OTH: "Other",
};

const compact = (d: string) => d.replace(/-/g, "");
const country = (code: string | undefined) => (!code ? "" : code === "IGO" ? "" : countryName(code));

/** YYYY.FFFF: the year plus the day of the year over 365, as GDELT writes FractionDate. */
export function fractionDate(date: string): string {
  const y = Number(date.slice(0, 4));
  const day = Math.floor((Date.parse(date + "T00:00:00Z") - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
  return (y + day / 365).toFixed(4);
}

/** A CAMEO code as GDELT writes EventCode: roots get a trailing 0 ("04" → "040"). */
const gdeltCode = (c: string) => (c.length === 2 ? c + "0" : c);

export const GDELT_COLUMNS = [
  "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
  ...["Actor1", "Actor2"].flatMap((a) => ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"].map((f) => a + f)),
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
  ...["Actor1Geo", "Actor2Geo", "ActionGeo"].flatMap((g) => ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"].map((f) => `${g}_${f}`)),
  "DATEADDED", "SOURCEURL",
];

function gdeltActor(a: StoredActor): Cell[] {
  const igo = a.country === "IGO";
  const cc = igo ? "" : a.country;
  return [cc + CAMEO_TYPE[a.sector], a.name.toUpperCase(), cc, igo ? "IGO" : "", "", "", "", CAMEO_TYPE[a.sector], "", ""];
}

export function gdeltRow(e: StoredEvent): Cell[] {
  const p = e.place;
  const actionGeo: Cell[] = p
    ? [p.lat !== undefined ? 4 : 1, [p.name, country(p.country)].filter(Boolean).join(", "), "", "", "", p.lat, p.lon, ""]
    : ["", "", "", "", "", "", "", ""];
  const added = e.added.replace(/[-:T]/g, "").slice(0, 14);
  return [
    e.id, compact(e.date), compact(e.date).slice(0, 6), e.date.slice(0, 4), fractionDate(e.date),
    ...gdeltActor(e.source), ...gdeltActor(e.target),
    e.evidenceSentence < 2 ? 1 : 0, gdeltCode(e.cameo), gdeltCode(e.cameo).slice(0, 3), e.cameo.slice(0, 2), e.quad, e.goldstein,
    e.numMentions, e.numSources, e.numArticles, "",
    ...Array(8).fill(""), ...Array(8).fill(""), ...actionGeo,
    added, e.sourceUrl ?? (e.outlet || e.firstArticle),
  ];
}

export const ICEWS_COLUMNS = [
  "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
  "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
  "City", "District", "Province", "Country", "Latitude", "Longitude",
];

export function icewsRow(e: StoredEvent, cameoName: (code: string) => string): Cell[] {
  const p = e.place;
  return [
    e.id, e.date, e.source.name, SECTOR_NAMES[e.source.sector], country(e.source.country), cameoName(e.cameo), e.cameo, e.goldstein,
    e.target.name, SECTOR_NAMES[e.target.sector], country(e.target.country), e.firstArticle, e.evidenceSentence + 1, e.outlet,
    p?.name, "", "", country(p?.country), p?.lat, p?.lon,
  ];
}

export const PLOVER_COLUMNS = [
  "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
  "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
  "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
  "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
  "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
];

function ploverActor(a: StoredActor): Cell[] {
  return [a.name, a.country === "IGO" ? "" : a.country, "", SECTOR_NAMES[a.sector], SECTOR_NAMES[a.sector], a.role, a.name, ""];
}

export function ploverRow(e: StoredEvent, version: string): Cell[] {
  const p = e.place;
  return [
    e.id, e.date, e.type, e.mode, e.goldstein, e.quad, "",
    ...ploverActor(e.source), ...ploverActor(e.target),
    p?.name, p?.name, "", "", p?.country, p?.lat, p?.lon, "", p?.name, p ? "city" : "",
    e.outlet, "", "", "", "", "en", version,
  ];
}

/** One event as a PLOVER-style JSON object (the ontology's field names). */
export function ploverJson(e: StoredEvent, version: string): Record<string, unknown> {
  const actor = (a: StoredActor) => ({ name: a.name, country: a.country, sector: a.sector, ...(a.role ? { title: a.role } : {}) });
  return {
    event_id: String(e.id), event_date: e.date, event_type: e.type, ...(e.mode ? { event_mode: e.mode } : {}),
    cameo: e.cameo, goldstein: e.goldstein, quad_class: e.quad,
    actor: actor(e.source), recipient: actor(e.target),
    ...(e.place ? { location: { placename: e.place.name, country: e.place.country, lat: e.place.lat, lon: e.place.lon } } : {}),
    num_mentions: e.numMentions, num_articles: e.numArticles, num_sources: e.numSources,
    story_id: e.firstArticle, ...(e.sourceUrl ? { source_url: e.sourceUrl } : {}), publisher: e.outlet || undefined,
    evidence: e.evidence, coder_version: version,
  };
}
