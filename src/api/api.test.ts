// Every endpoint of the HTTP API on a real store coded from real article text,
// with good and bad parameters, paging, CSV, writes with and without a token;
// on SQLite, and on PostgreSQL when DYAD_TEST_PG_URL is set.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { createCoder } from "../pipeline/coder.js";
import { ingestArticles } from "../pipeline/store-ingest.js";
import { readInputs } from "../stages/ingest/index.js";
import { BACKENDS, dropPgDatabases } from "../store/testing-backends.js";
import type { EventStore } from "../store/types.js";
import { createApp } from "./server.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const REPORTS = join(root, "test/fixtures/store/reports.jsonl");
const EXAMPLES = join(root, "examples");
const TOKEN = "test-token-123";

after(dropPgDatabases);

for (const backend of BACKENDS) describe(`HTTP API on ${backend.name}`, { skip: backend.skip }, () => {
  let store: EventStore, app: ReturnType<typeof createApp>, readOnly: ReturnType<typeof createApp>;
  before(async () => {
    store = await backend.open();
    await ingestArticles(store, readInputs([REPORTS, EXAMPLES], {}), { workers: 1, merge: { windowDays: 0 } });
    const coder = createCoder();
    app = createApp({ store, token: TOKEN, loadCoder: () => coder });
    readOnly = createApp({ store });
  });
  after(async () => { await store?.close(); });
  const get = async (path: string) => {
    const r = await app.request(path);
    return { status: r.status, body: r.headers.get("content-type")?.includes("json") ? await r.json() : await r.text(), headers: r.headers };
  };
  const brief = (e: { date: string; source: { country: string }; type: string; target: { country: string } }) => `${e.date} ${e.source.country} ${e.type} ${e.target.country}`;

  it("GET /api/health counts the store", async () => {
    const r = await get("/api/health");
    assert.equal(r.status, 200);
    assert.deepEqual([r.body.ok, r.body.articles, r.body.events, r.body.mentions], [true, 7, 13, 15]);
  });

  it("GET /api/events filters like the CLI and pages by cursor", async () => {
    const r = await get("/api/events?between=PAK,IRN&order=asc&total=true");
    assert.deepEqual(r.body.events.map(brief), ["2024-06-09 IRN CONSULT PAK", "2024-06-12 PAK CONSULT IRN"]);
    assert.equal(r.body.nextCursor, null);
    assert.equal(r.body.total, 2);
    // a full last page says there is no next one
    assert.equal((await get("/api/events?between=PAK,IRN&limit=2")).body.nextCursor, null);
    assert.notEqual((await get("/api/events?between=PAK,IRN&limit=1")).body.nextCursor, null);
    const all = (await get("/api/events?limit=1000")).body.events.map((e: { id: number }) => e.id);
    const seen: number[] = [];
    let cursor = "";
    for (;;) {
      const p = await get(`/api/events?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...p.body.events.map((e: { id: number }) => e.id));
      if (!p.body.nextCursor) break;
      cursor = p.body.nextCursor;
    }
    assert.deepEqual(seen, all);
    assert.equal(all.length, 13);
    assert.deepEqual((await get("/api/events?text=tear%20gas&type=ASSAULT")).body.events.map(brief), ["2017-10-11 KEN ASSAULT KEN"]);
  });

  it("refuses bad parameters with 400 naming the parameter", async () => {
    const cases: [string, string, RegExp][] = [
      ["/api/events?since=2024-02-30", "since", /not a calendar date/],
      ["/api/events?limit=5000", "limit", /from 1 to 1000/],
      ["/api/events?order=sideways", "order", /asc or desc/],
      ["/api/events?cursor=garbage", "cursor", /not a cursor/],
      ["/api/events?acter=IRN", "acter", /unknown parameter/],
      ["/api/events?type=HUG", "type", /PLOVER types/],
      ["/api/timeline?by=fortnight", "by", /day, week, month, year/],
      ["/api/dyads?top=0", "top", /from 1 to 500/],
      ["/api/actors?between=IRN", "between", /two country codes/],
      ["/api/places?quad=7", "quad", /quad classes/],
      ["/api/events/abc", "id", /event id/],
    ];
    for (const [path, param, message] of cases) {
      const r = await get(path);
      assert.equal(r.status, 400, path);
      assert.equal(r.body.error.param, param, path);
      assert.match(r.body.error.message, message, path);
    }
  });

  it("GET /api/events/:id gives the event with every report; unknown ids are 404", async () => {
    const [first] = (await get("/api/events?between=IRN,PAK&order=asc&limit=1")).body.events;
    const r = await get(`/api/events/${first.id}`);
    assert.deepEqual(r.body.mentions.map((m: { articleId: string }) => m.articleId), ["wire-istanbul-1", "dawn-istanbul", "wire-istanbul-2"]);
    assert.equal((await get("/api/events/99999")).status, 404);
  });

  it("GET /api/articles/:id gives the text with evidence, predicate and actor spans", async () => {
    const r = await get("/api/articles/wire-istanbul-1");
    assert.equal(r.status, 200);
    const text: string = r.body.article.text;
    const [m] = r.body.mentions;
    assert.equal(m.event.type, "CONSULT");
    assert.equal(text.slice(m.start, m.end), m.evidence);
    assert.equal(text.slice(...m.spans.trigger), "held");
    assert.equal(text.slice(...m.spans.source), "Iran's Acting Foreign Minister Ali Bagheri");
    assert.equal(text.slice(...m.spans.target), "Pakistani Foreign Minister Mohammad Ishaq Dar");
    assert.equal((await get("/api/articles/no-such-article")).status, 404);
  });

  it("GET /api/dyads, /api/timeline, /api/actors and /api/places aggregate with names", async () => {
    const d = await get("/api/dyads?top=3");
    assert.deepEqual(d.body.dyads.map((x: { a: string; b: string; events: number; bName: string }) => `${x.a}-${x.b} ${x.events} ${x.bName}`),
      ["IRN-SAU 3 Saudi Arabia", "IGO-RUS 2 Russia", "IRN-PAK 2 Pakistan"]);
    const t = await get("/api/timeline?between=IRN,PAK&by=week");
    assert.deepEqual(t.body, { by: "week", rows: [
      { period: "2024-06-03", events: 1, goldsteinMean: 1, quads: [1, 0, 0, 0] },
      { period: "2024-06-10", events: 1, goldsteinMean: 1, quads: [1, 0, 0, 0] },
    ] });
    const a = await get("/api/actors?type=CONSULT");
    assert.deepEqual(a.body.actors.map((x: { country: string; name: string; events: number }) => `${x.country} ${x.name} ${x.events}`), ["IRN Iran 2", "PAK Pakistan 2"]);
    const p = await get("/api/places?actor=PAK");
    assert.deepEqual(p.body.places.map((x: { name: string; country: string }) => `${x.name} ${x.country}`).sort(), ["Istanbul TUR", "Tehran IRN"]);
  });

  it("GET /api/events.csv downloads every match with a header", async () => {
    const r = await get("/api/events.csv?actor=KEN");
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-disposition") ?? "", /attachment; filename="dyad-events.csv"/);
    const lines = (r.body as string).trim().split("\n");
    assert.equal(lines[0].split(",")[0], "id");
    assert.equal(lines.length, 3);
  });

  it("serves its OpenAPI description, and 404s unknown endpoints", async () => {
    const r = await get("/api/openapi.json");
    assert.equal(r.body.openapi, "3.1.0");
    for (const p of ["/api/events", "/api/events/{id}", "/api/articles/{id}", "/api/dyads", "/api/timeline", "/api/actors", "/api/places", "/api/health", "/api/events.csv"]) {
      assert.ok(r.body.paths[p], p);
    }
    assert.equal((await get("/api/nothing")).status, 404);
  });

  it("POST /api/articles codes and stores only with the token, and reports bad records", async () => {
    const article = { id: "post-1", url: "https://news.example/post-1", date: "2024-07-01", text: "TEHRAN - Iran accused Pakistan on Monday of sheltering militants near the border." };
    const off = await readOnly.request("/api/articles", { method: "POST", body: JSON.stringify(article) });
    assert.equal(off.status, 403);
    const noToken = await app.request("/api/articles", { method: "POST", body: JSON.stringify(article) });
    assert.equal(noToken.status, 401);
    const wrong = await app.request("/api/articles", { method: "POST", headers: { Authorization: "Bearer nope-nope-nope" }, body: JSON.stringify(article) });
    assert.equal(wrong.status, 401);
    const post = (body: unknown) => app.request("/api/articles", { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
    const ok = await post([article, { id: "post-2", text: "no date" }]);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { stored: 1, copies: 0, alreadyStored: 0, alreadyStoredBy: { id: 0, text: 0, url: 0 }, newEvents: 1, mergedMentions: 0,
      problems: [{ index: 1, code: "MISSING_FIELD", message: 'missing field "date" (expected a string like YYYY-MM-DD)' }] });
    const again = await post(article);
    assert.deepEqual(await again.json(), { stored: 0, copies: 0, alreadyStored: 1, alreadyStoredBy: { id: 1, text: 0, url: 0 }, newEvents: 0, mergedMentions: 0, problems: [] });
    assert.deepEqual((await get("/api/events?article=post-1")).body.events.map(brief), ["2024-07-01 IRN ACCUSE PAK"]);
    const notJson = await app.request("/api/articles", { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` }, body: "{nope" });
    assert.equal(notJson.status, 400);
  });
});
