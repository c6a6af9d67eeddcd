// `npm run bench` (second part): the SQLite store. Prints (1) articles/s of a
// whole ingest (read, code on all cores, store) of real article text, (2) the
// rate of loading a generated store of 1,000,000 events through the same
// merge-and-insert path, and (3) the latency of typical filtered queries over
// that store (median and 95th percentile of repeated runs). Asserts nothing.
import { spawn } from "node:child_process";
import { once } from "node:events";
import autocannon from "autocannon";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CodedEvent, PlovType, Sector } from "../doc/types.js";
import { ingestArticles } from "../pipeline/store-ingest.js";
import { readInputs } from "../stages/ingest/index.js";
import { normalisedTextHash } from "../store/article-record.js";
import { parseFilter } from "../store/filter.js";
import { SqliteStore } from "../store/sqlite.js";
import type { CodedArticle } from "../store/types.js";
import { rng } from "./rng.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const EVENTS = Number(process.env.BENCH_STORE_EVENTS ?? 1_000_000);
const INGEST_ARTICLES = Number(process.env.BENCH_INGEST_ARTICLES ?? 6000);


// Countries weighted roughly as news covers them: a few very busy, a long tail.
const COUNTRIES = ["USA", "CHN", "RUS", "UKR", "ISR", "IRN", "IND", "PAK", "GBR", "FRA", "DEU", "TUR", "SAU", "SYR", "IRQ", "AFG", "PRK", "KOR", "JPN", "EGY",
  "NGA", "KEN", "ETH", "SDN", "ZAF", "BRA", "MEX", "COL", "VEN", "ARG", "IDN", "PHL", "VNM", "THA", "MMR", "BGD", "LKA", "NPL", "QAT", "ARE",
  "LBN", "JOR", "YEM", "LBY", "DZA", "MAR", "TUN", "MLI", "NER", "TCD", "SOM", "UGA", "RWA", "COD", "AGO", "POL", "ITA", "ESP", "CAN", "AUS"];
const TYPES: [PlovType, string, number, 1 | 2 | 3 | 4][] = [
  ["CONSULT", "040", 1, 1], ["SUPPORT", "051", 3.4, 1], ["AGREE", "030", 4, 1], ["COOPERATE", "060", 6, 2], ["AID", "070", 7, 2],
  ["REQUEST", "020", 3, 1], ["ACCUSE", "112", -2, 3], ["REJECT", "120", -4, 3], ["THREATEN", "130", -4.4, 3], ["PROTEST", "140", -6.5, 3],
  ["SANCTION", "163", -8, 4], ["MOBILIZE", "150", -7.2, 4], ["COERCE", "170", -7, 4], ["ASSAULT", "190", -10, 4],
];
const SECTORS: Sector[] = ["GOV", "GOV", "GOV", "MIL", "POL", "OPP", "REB", "CIV", "LEG", "JUD"];
const TOPICS = ["the ceasefire", "border security", "trade tariffs", "a prisoner exchange", "the nuclear talks", "grain exports", "refugee returns", "the election", "gas supplies", "a naval drill"];
const CITIES = [["Geneva", "CHE", 46.2, 6.14], ["Istanbul", "TUR", 41.01, 28.97], ["Doha", "QAT", 25.29, 51.53], ["Kyiv", "UKR", 50.45, 30.52], ["Gaza", "PSE", 31.5, 34.47], ["Islamabad", "PAK", 33.72, 73.04], ["Beijing", "CHN", 39.9, 116.4], ["Nairobi", "KEN", -1.29, 36.82]] as const;

/** Generated articles of four events each, with sentences an FTS search can find. */
export function* generatedArticles(events: number, seed = 7): Generator<CodedArticle> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * r() * xs.length)];
  const start = Date.UTC(2015, 0, 1), span = 10 * 365;
  for (let a = 0; a * 4 < events; a++) {
    const date = new Date(start + Math.floor(r() * span) * 86_400_000).toISOString().slice(0, 10);
    const sentences: string[] = [];
    const evs: CodedEvent[] = [];
    let offset = 0;
    for (let k = 0; k < 4 && a * 4 + k < events; k++) {
      const s = pick(COUNTRIES), t = pick(COUNTRIES);
      const [type, cameo, goldstein, quad] = TYPES[Math.floor(r() * TYPES.length)];
      const topic = TOPICS[Math.floor(r() * TOPICS.length)];
      const city = r() < 0.6 ? CITIES[Math.floor(r() * CITIES.length)] : undefined;
      const text = `Officials of ${s} and ${t} were reported in a ${type.toLowerCase()} over ${topic}${city ? ` in ${city[0]}` : ""} (item ${a}-${k}).`;
      sentences.push(text);
      evs.push({
        article: `gen-${a}`, event: `gen-${a}-${k}`, date, type, cameo, goldstein, quad,
        source: { text: `${s} officials`, name: `${s} officials`, country: s, sector: pick(SECTORS) },
        target: { text: `${t} officials`, name: `${t} officials`, country: t, sector: pick(SECTORS) },
        ...(city ? { location: { name: city[0], country: city[1], lat: city[2], lon: city[3] } } : {}),
        evidence: { sentence: k, start: offset, end: offset + text.length, text }, confidence: 0.8,
      });
      offset += text.length + 1;
    }
    const text = sentences.join(" ");
    yield { article: { id: `gen-${a}`, url: `https://outlet${a % 500}.example/${a}`, source: `outlet${a % 500}.example`, date, textHash: normalisedTextHash(text), text }, events: evs };
  }
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

async function ingestBench(dir: string): Promise<void> {
  const dev = join(root, "..", "shared", "eval", "dev.jsonl");
  const sampleFile = existsSync(dev) ? dev : join(root, "test/fixtures/store/reports.jsonl");
  const sample = readFileSync(sampleFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
  const input = join(dir, "ingest.jsonl");
  writeFileSync(input, Array.from({ length: INGEST_ARTICLES }, (_, i) => {
    const s = sample[i % sample.length];
    return JSON.stringify({ id: `${s.id}#${i}`, date: s.date, text: `${s.text}\n\n(copy ${i})` });
  }).join("\n") + "\n");
  const workers = availableParallelism();
  const store = SqliteStore.open(join(dir, "ingest.db"), { create: true });
  const t0 = performance.now();
  const s = await ingestArticles(store, readInputs([input], {}), { workers, merge: { windowDays: 0 } });
  const secs = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const again = await ingestArticles(store, readInputs([input], {}), { workers, merge: { windowDays: 0 } });
  const rerun = (performance.now() - t1) / 1000;
  await store.close();
  console.log(`ingest into SQLite (${sampleFile.includes("dev.jsonl") ? "dev set" : "fixture"} articles cycled, ${workers} coding threads):`);
  console.log(`  ${s.stored} articles, ${s.newEvents + s.mergedMentions} events in ${secs.toFixed(1)} s: ${(s.stored / secs).toFixed(0)} articles/s`);
  console.log(`  the same input again (all already stored, nothing coded): ${again.alreadyStored} articles in ${rerun.toFixed(2)} s: ${(again.alreadyStored / rerun).toFixed(0)} articles/s`);
}

async function queryBench(dir: string): Promise<void> {
  const file = join(dir, "million.db");
  const store = SqliteStore.open(file, { create: true });
  const t0 = performance.now();
  let batch: CodedArticle[] = [];
  let stored = 0, merged = 0;
  for (const a of generatedArticles(EVENTS)) {
    batch.push(a);
    if (batch.length === 1000) { const r = await store.addArticles(batch, { windowDays: 0 }); stored += r.newEvents; merged += r.mergedMentions; batch = []; }
  }
  if (batch.length) { const r = await store.addArticles(batch, { windowDays: 0 }); stored += r.newEvents; merged += r.mergedMentions; }
  await store.optimize();
  const loadSecs = (performance.now() - t0) / 1000;
  const st = await store.stats();
  console.log(`\ngenerated store: ${EVENTS.toLocaleString("en-US")} coded events in ${st.articles.toLocaleString("en-US")} articles → ${st.events.toLocaleString("en-US")} stored events (${merged.toLocaleString("en-US")} merged reports), ${(statSync(file).size / 1e6).toFixed(0)} MB`);
  console.log(`  loaded in ${loadSecs.toFixed(1)} s: ${(EVENTS / loadSecs).toFixed(0)} events/s through the merge-and-insert path`);

  const queries: [string, () => Promise<unknown>][] = [
    ["events --actor IRN (newest 100)", () => store.events(parseFilter({ actor: "IRN" }), { limit: 100, order: "desc" })],
    ["events --between IRN PAK --since 2024-01-01", () => store.events(parseFilter({ between: "IRN,PAK", since: "2024-01-01" }), { limit: 1000, order: "desc" })],
    ["events --source RUS --target UKR --quad 4", () => store.events(parseFilter({ source: "RUS", target: "UKR", quad: "4" }), { limit: 100, order: "desc" })],
    ["events --type CONSULT --since 2024-06-01 --until 2024-06-30", () => store.events(parseFilter({ type: "CONSULT", since: "2024-06-01", until: "2024-06-30" }), { limit: 100, order: "desc" })],
    ["events --cameo 19 --place UKR", () => store.events(parseFilter({ cameo: "19", place: "UKR" }), { limit: 100, order: "desc" })],
    ["events --sector REB --actor SOM", () => store.events(parseFilter({ sector: "REB", actor: "SOM" }), { limit: 100, order: "desc" })],
    ["events --text \"prisoner exchange\" --actor UKR", () => store.events(parseFilter({ text: "prisoner exchange", actor: "UKR" }), { limit: 100, order: "desc" })],
    ["count --actor USA --quad 3,4", () => store.countEvents(parseFilter({ actor: "USA", quad: "3,4" }))],
    ["dyads --since 2024-01-01 --top 20", () => store.dyads(parseFilter({ since: "2024-01-01" }), 20)],
    ["timeline IRN PAK --by week", () => store.timeline(parseFilter({ between: "IRN,PAK" }), "week")],
    ["timeline USA --by month", () => store.timeline(parseFilter({ actor: "USA" }), "month")],
    ["event by id + mentions", () => store.event(123_456)],
  ];
  console.log(`\nquery latency over the generated store (ms; 7 runs each):`);
  console.log(`  ${"query".padEnd(58)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"rows".padStart(7)}`);
  for (const [name, q] of queries) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const r = await q();
      times.push(performance.now() - t);
      rows = Array.isArray(r) ? r.length : typeof r === "number" ? r : r ? 1 : 0;
    }
    console.log(`  ${name.padEnd(58)} ${percentile(times, 0.5).toFixed(1).padStart(8)} ${percentile(times, 0.95).toFixed(1).padStart(8)} ${String(rows).padStart(7)}`);
  }
  await store.close();
  await loadBench(file);
}

/** requests/s and latency of the API over the same store, from a separate server process on loopback. */
async function loadBench(file: string): Promise<void> {
  const bin = join(root, "bin/dyad.js");
  const server = spawn(process.execPath, [bin, "serve", "--db", file, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  let url = "";
  for await (const chunk of server.stdout!) {
    const m = /listening on (http:\/\/\S+?)\/? /.exec(String(chunk));
    if (m) { url = m[1]; break; }
  }
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
  console.log(`\nAPI load (autocannon, 10 connections, ${seconds} s each, server in its own process on loopback):`);
  console.log(`  ${"endpoint".padEnd(58)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`);
  for (const path of ["/api/events?actor=IRN&limit=100", "/api/events?between=IRN,PAK&since=2024-01-01&limit=100", "/api/events?type=CONSULT&quad=1&limit=50", "/api/timeline?between=IRN,PAK&by=week"]) {
    const r = await autocannon({ url: url + path, connections: 10, duration: seconds });
    console.log(`  ${path.padEnd(58)} ${r.requests.average.toFixed(0).padStart(8)} ${r.latency.p50.toFixed(1).padStart(8)} ${r.latency.p99.toFixed(1).padStart(8)} ${String(r.errors + r.non2xx).padStart(7)}`);
  }
  server.kill("SIGTERM");
  await once(server, "exit");
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dyad-bench-"));
  try {
    await ingestBench(dir);
    await queryBench(dir);
    console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) main();
