// The web explorer end to end (issue 4): a real store, `dyad serve`, and
// headless Chromium clicking through each view. Expectations come from the
// articles ingested: the fixture's Iran–Pakistan meetings (Istanbul,
// 2024-06-09, three reports from two outlets; Tehran, 2024-06-12) and, when
// ../shared is present, the seed article (a fourth report of Istanbul from a
// third outlet, with two more events that week) and the dev set.
// Each test leaves a screenshot of its view in test-results/.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { EventMention, StoredArticle, StoredEvent } from "../store/types.js";
import { CHROMIUM, getJson, hasSeed, launchBrowser, open, ready, serveStore, SHOTS, watchedPage, type Served } from "./harness.js";

const ISTANBUL = hasSeed
  ? { reports: "4/4/3", article: "seed-article", weeks: { "2024-06-03": 3, "2024-06-10": 1 } }
  : { reports: "3/3/2", article: "wire-istanbul-1", weeks: { "2024-06-03": 1, "2024-06-10": 1 } };

type EventsPage = { events: StoredEvent[]; nextCursor: string | null };
type ArticleBody = { article: StoredArticle; mentions: (EventMention & { event: StoredEvent })[] };

/** The event table's rows as "date type place reports", and their ids. */
const tableRows = (page: Page) => page.$$eval("table.events tbody tr", (trs) => trs.map((tr) => ({
  id: Number((tr as HTMLElement).dataset.eventId),
  text: ["date", "type .type-name", "place", "reports"].map((c) => tr.querySelector(`td.${c}`)!.textContent!.trim().split(/\s+/)[0]).join(" "),
})));

const shot = (page: Page, view: string) => page.screenshot({ path: join(SHOTS, `${view}.png`), fullPage: true, animations: "disabled" });

describe("web explorer", { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (install it, or set CHROMIUM_PATH)` }, () => {
  let served: Served, browser: Browser, base: string;
  let page: Page, problems: string[];

  before(async () => {
    [served, browser] = await Promise.all([serveStore(), launchBrowser()]);
    base = served.url;
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
  });
  const fresh = async () => ({ page, problems } = await watchedPage(browser, base));
  const done = async () => {
    await page.close();
    assert.deepEqual(problems, [], "no script errors and no request to another host");
  };

  it("dyad view: picking IRN and PAK draws their weekly bars and lists the Istanbul and Tehran meetings", async () => {
    await fresh();
    await open(page, base, "#/dyad");
    await page.selectOption("select[name=a]", "IRN");
    await ready(page, "#/dyad?a=IRN");
    await page.selectOption("select[name=b]", "PAK");
    await ready(page, "#/dyad?a=IRN&b=PAK");

    const bars = await page.$$eval("svg.timeline a.period", (as) => as.map((a) => [a.getAttribute("data-period"), Number(a.getAttribute("data-events")),
      [...a.querySelectorAll("rect")].map((r) => `q${r.getAttribute("data-quad")}:${r.getAttribute("data-count")}`).join(" ")]));
    assert.deepEqual(Object.fromEntries(bars.map(([p, n]) => [p, n])), ISTANBUL.weeks);
    assert.deepEqual(bars.map((b) => b[2]), Object.values(ISTANBUL.weeks).map((n) => `q1:${n}`), "every meeting is verbal cooperation");
    assert.equal(await page.locator("svg.timeline .gs-point").count(), 2, "a Goldstein point per week with events");

    const rows = (await tableRows(page)).map((r) => r.text);
    assert.ok(rows.includes(`2024-06-09 CONSULT Istanbul ${ISTANBUL.reports}`), rows.join("\n"));
    assert.ok(rows.includes("2024-06-12 CONSULT Tehran 1/1/1"), rows.join("\n"));
    await shot(page, "dyad");
    await done();
  });

  it("article view: the Istanbul event's article marks its evidence, actors and predicate", async () => {
    await fresh();
    await open(page, base, "#/dyad?a=IRN&b=PAK");
    const row = page.locator("table.events tbody tr[data-date='2024-06-09'][data-type=CONSULT]");
    const id = Number(await row.getAttribute("data-event-id"));
    await row.locator("td.evidence a").click();
    await ready(page, `#/article/${ISTANBUL.article}?event=${id}`);

    const { article, mentions } = await getJson<ArticleBody>(base, `api/articles/${ISTANBUL.article}`);
    const mention = mentions.find((m) => m.eventId === id)!;
    const slice = (s?: [number, number]) => (s ? article.text.slice(...s) : "");
    const m = await page.locator("ol.article-events li.current").getAttribute("data-m");
    assert.equal(Number(await page.locator("ol.article-events li.current").getAttribute("data-event-id")), id);
    const marked = (sel: string) => page.$$eval(`.article-text ${sel}`, (els) => els.map((e) => e.textContent).join(""));
    assert.equal(await marked(`[data-ev~="${m}"].sel`), article.text.slice(mention.start, mention.end), "the whole evidence sentence is highlighted");
    const trigger = await marked(`[data-trigger~="${m}"]`);
    assert.match(trigger, /^held( talks)?$/);
    assert.equal(trigger, slice(mention.spans.trigger));
    assert.equal(await marked(`[data-source~="${m}"]`), slice(mention.spans.source));
    assert.match(await marked(`[data-source~="${m}"]`), /Ali Bagheri$/);
    assert.match(await marked(`[data-target~="${m}"]`), /Mohammad Ishaq Dar$/);
    await shot(page, "article");

    // every event of the article is listed; choosing another moves the highlight to its evidence
    assert.equal(await page.locator("ol.article-events li").count(), mentions.length);
    const other = page.locator("ol.article-events li").last();
    const n = await other.getAttribute("data-m");
    await other.locator("button").click();
    assert.equal(await other.getAttribute("class"), "current");
    const evId = Number(await other.getAttribute("data-event-id"));
    const om = mentions.filter((x) => x.eventId === evId).sort((a, b) => a.start - b.start)[0];
    assert.equal(await marked(`[data-ev~="${n}"].sel.flash`), article.text.slice(om.start, om.end));
    await done();
  });

  it("network view: a node per country and an IRN–PAK edge, filtered by type and date", async () => {
    await fresh();
    await open(page, base, "#/network");
    const { dyads } = await getJson<{ dyads: { a: string; b: string; events: number }[] }>(base, "api/dyads?top=100");
    const countries = new Set(dyads.flatMap((d) => [d.a, d.b]));
    const nodes = await page.$$eval("svg.network g.node", (gs) => gs.map((g) => g.getAttribute("data-country")!));
    assert.deepEqual(new Set(nodes), countries);
    assert.ok(nodes.includes("IRN") && nodes.includes("PAK"));
    const edge = page.locator("svg.network a.edge[data-a=IRN][data-b=PAK]");
    assert.equal(Number(await edge.getAttribute("data-events")), dyads.find((d) => d.a === "IRN" && d.b === "PAK")!.events);
    assert.equal(await page.locator("svg.network a.edge").count(), dyads.filter((d) => d.a !== d.b).length);
    await shot(page, "network");

    await open(page, base, "#/network?type=CONSULT&since=2024-06-10");
    assert.equal(await edge.getAttribute("data-events"), "1", "only the Tehran talks are after 10 June");
    await done();
  });

  it("map view: the world outline and a circle on Istanbul, which a date filter removes", async () => {
    await fresh();
    await open(page, base, "#/map");
    assert.ok(await page.locator("svg.map .countries path").count() > 100);
    const { places } = await getJson<{ places: { name: string; events: number }[] }>(base, "api/places");
    const istanbul = page.locator("svg.map .places a[data-name=Istanbul]");
    assert.equal(Number(await istanbul.getAttribute("data-events")), places.find((p) => p.name === "Istanbul")!.events);
    // the circle stands in Turkey's outline
    const c = (await istanbul.locator("circle").boundingBox())!, tr = (await page.locator("svg.map .countries path[data-name=Turkey]").boundingBox())!;
    const [x, y] = [c.x + c.width / 2, c.y + c.height / 2];
    assert.ok(x >= tr.x && x <= tr.x + tr.width && y >= tr.y && y <= tr.y + tr.height, "Istanbul's circle is inside Turkey's box");
    await shot(page, "map");

    await open(page, base, "#/map?since=2024-06-10&actor=IRN");
    assert.equal(await istanbul.count(), 0);
    assert.equal(await page.locator("svg.map .places a[data-name=Tehran]").count(), 1);
    await done();
  });

  it("events view: filters by type and text, pages with 'more', downloads the same query as CSV, and shows a refused query", async () => {
    await fresh();
    await open(page, base, "#/events");
    await page.click(".field-type summary");
    await page.check(".field-type input[value=CONSULT]");
    await page.click("form.filters button[type=submit]");
    await ready(page, "#/events?type=CONSULT");
    const consult = (await getJson<EventsPage>(base, "api/events?type=CONSULT&limit=100")).events.map((e) => e.id);
    assert.deepEqual((await tableRows(page)).map((r) => r.id), consult);
    assert.deepEqual(new Set(await page.$$eval("table.events tbody tr", (trs) => trs.map((t) => (t as HTMLElement).dataset.type))), new Set(["CONSULT"]));

    await page.fill("input[name=text]", "held talks");
    await page.click("form.filters button[type=submit]");
    await ready(page, "#/events?type=CONSULT&text=held+talks");
    const talks = (await getJson<EventsPage>(base, "api/events?type=CONSULT&text=held%20talks")).events;
    assert.deepEqual((await tableRows(page)).map((r) => r.id), talks.map((e) => e.id));
    const rows = (await tableRows(page)).map((r) => r.text);
    assert.ok(rows.includes(`2024-06-09 CONSULT Istanbul ${ISTANBUL.reports}`) && rows.includes("2024-06-12 CONSULT Tehran 1/1/1"), rows.join("\n"));
    await shot(page, "events");

    // one event per page: "more" until the button goes, the same events as the API in the same order
    await open(page, base, "#/events?between=IRN,PAK&limit=1");
    const all = (await getJson<EventsPage>(base, "api/events?between=IRN,PAK&limit=1000")).events.map((e) => e.id);
    assert.equal(await page.locator("table.events tbody tr").count(), 1);
    const more = page.locator("button.more-button");
    while (await more.isVisible()) {
      await more.click();
      await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>("button.more-button")!.disabled);
    }
    assert.deepEqual((await tableRows(page)).map((r) => r.id), all);
    assert.match(await page.locator(".table-footer .count").innerText(), new RegExp(`^${all.length} of ${all.length} events shown$`));

    const href = await page.locator("a.csv").getAttribute("href");
    const csv = await fetch(new URL(href!, base));
    assert.match(csv.headers.get("content-type") ?? "", /^text\/csv/);
    const [header, ...lines] = (await csv.text()).trim().split("\n");
    assert.match(header, /^id,date,type,mode,cameo,goldstein,quad,/);
    assert.deepEqual(lines.map((l) => Number(l.split(",")[0])).sort(), [...all].sort());

    await open(page, base, "#/events?since=2024-02-30");
    assert.match(await page.locator("#view .error[role=alert]").innerText(), /refused.*since: not a calendar date; got "2024-02-30"/s);
    assert.equal(await page.locator(".field-since.invalid input").getAttribute("aria-invalid"), "true");
    await shot(page, "events-error");
    await done();
  });
});
