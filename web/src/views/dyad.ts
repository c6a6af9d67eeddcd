// The dyad view (#/dyad?a=IRN&b=PAK&by=week): two countries, their events
// per period by quad class with the mean Goldstein score, and the list of
// their events under it. Without a pair it offers the busiest pairs.
import { api, type Interval, type NamedActor, type Query, type TimelineRow } from "../api.js";
import { storeCountries, countryName } from "../countries.js";
import { errorBox, fmtGoldstein, fmtInt, h, isAbort, onResize } from "../dom.js";
import { pagedEvents } from "../event-table.js";
import { QUADS } from "../palette.js";
import { go, link } from "../router.js";
import { chartLegend, timelineChart } from "./timeline-chart.js";
import { periodEnd, type View } from "./view.js";

const INTERVALS: Interval[] = ["day", "week", "month", "year"];

function countrySelect(name: string, label: string, value: string, countries: NamedActor[]): HTMLSelectElement {
  const known = countries.some((c) => c.country === value);
  return h("select", { name, "aria-label": label },
    h("option", { value: "" }, "choose a country…"),
    !known && value ? h("option", { value, selected: true }, value) : null,
    countries.map((c) => h("option", { value: c.country, selected: c.country === value }, `${c.name} (${c.country}) · ${fmtInt(c.events)}`)));
}

function summary(rows: TimelineRow[]): HTMLElement {
  const events = rows.reduce((n, r) => n + r.events, 0);
  const mean = events ? rows.reduce((n, r) => n + r.goldsteinMean * r.events, 0) / events : 0;
  const quads = QUADS.map((q, k) => ({ q, n: rows.reduce((n, r) => n + r.quads[k], 0) }));
  return h("p", { class: "dyad-summary" },
    h("strong", null, `${fmtInt(events)} event${events === 1 ? "" : "s"}`), " · mean Goldstein ",
    h("strong", null, fmtGoldstein(mean)), " · ",
    quads.map(({ q, n }, k) => [k ? ", " : "", h("i", { class: "swatch", style: `background:${q.color}` }), ` ${n} ${q.short}`]));
}

export const dyadView: View = async ({ root, route, signal }) => {
  const p = route.params;
  const a = (p.get("a") ?? "").toUpperCase(), b = (p.get("b") ?? "").toUpperCase();
  const by = (INTERVALS as string[]).includes(p.get("by") ?? "") ? p.get("by") as Interval : "week";
  const since = p.get("since") ?? "", until = p.get("until") ?? "";
  root.replaceChildren(h("h1", null, "Dyad"), h("p", { class: "loading" }, "Loading countries…"));

  let countries: NamedActor[];
  try {
    countries = await storeCountries();
  } catch (e) {
    if (!isAbort(e)) root.replaceChildren(h("h1", null, "Dyad"), errorBox(e, "load the countries"));
    return;
  }
  const state = (over: Query = {}): Query => ({ a, b, by: by === "week" ? undefined : by, since, until, ...over });
  const picker = h("form", { class: "dyad-picker" },
    countrySelect("a", "First country", a, countries),
    h("button", { type: "button", class: "plain swap", title: "Swap the two countries", "aria-label": "Swap", onclick: () => go("dyad", state({ a: b, b: a })) }, "⇄"),
    countrySelect("b", "Second country", b, countries),
    h("label", null, "per ", h("select", { name: "by" }, INTERVALS.map((i) => h("option", { value: i, selected: i === by }, i)))),
    h("label", null, "since ", h("input", { type: "date", name: "since", value: since })),
    h("label", null, "until ", h("input", { type: "date", name: "until", value: until })));
  const apply = () => {
    const f = new FormData(picker);
    const v = (k: string) => String(f.get(k) ?? "");
    go("dyad", { a: v("a"), b: v("b"), by: v("by") === "week" ? undefined : v("by"), since: v("since"), until: v("until") });
  };
  // A choice in a list applies at once; a date when the user leaves the field or
  // presses Enter, so the view is not redrawn under them while they type it.
  const isDate = (t: EventTarget | null) => (t as Element | null)?.matches("input[type=date]") ?? false;
  picker.addEventListener("change", (ev) => { if (!isDate(ev.target)) apply(); });
  picker.addEventListener("focusout", (ev) => { if (isDate(ev.target) && (ev.target as HTMLInputElement).value !== (p.get((ev.target as HTMLInputElement).name) ?? "")) apply(); });
  picker.addEventListener("submit", (ev) => { ev.preventDefault(); apply(); });
  const body = h("div", { class: "dyad-body" });
  root.replaceChildren(h("h1", null, "Dyad"), picker, body);

  if (!a || !b) {
    body.append(h("p", { class: "hint" }, "Pick two countries to see their events over time, or open one of the busiest pairs:"));
    try {
      const { dyads } = await api.dyads({ actor: a || undefined, since, until, top: 12 }, signal);
      body.append(dyads.length
        ? h("ul", { class: "pairs" }, dyads.map((d) => h("li", null,
          h("a", { href: link("dyad", { a: d.a, b: d.b }) }, `${d.aName} – ${d.bName}`), " ",
          h("span", { class: "meta" }, `${fmtInt(d.events)} events, mean Goldstein ${fmtGoldstein(d.goldsteinMean)}`))))
        : h("p", { class: "empty" }, "The store has no events yet."));
    } catch (e) { if (!isAbort(e)) body.append(errorBox(e, "load the busiest pairs")); }
    return;
  }

  const filter: Query = { between: `${a},${b}`, since, until };
  const title = h("h2", null, `${countryName(countries, a)} – ${countryName(countries, b)}`);
  const chartBox = h("div", { class: "chart" }, h("p", { class: "loading" }, "Loading the timeline…"));
  const list = h("div", { class: "event-list" });
  const more = h("span", { class: "links" },
    h("a", { href: link("events", filter) }, "open in the event table"), " · ",
    h("a", { href: api.csvUrl(filter), download: `dyad-${a}-${b}.csv` }, "CSV"));
  body.append(title, chartBox, h("div", { class: "title-row" }, h("h2", null, "Events"), more), list);

  const timeline = api.timeline({ ...filter, by }, signal);
  const chart = (async () => {
    try {
      const { rows } = await timeline;
      if (!rows.length) { chartBox.replaceChildren(h("p", { class: "empty" }, "No events between these two countries for these dates.")); return; }
      const draw = () => timelineChart(rows, {
        by, width: chartBox.clientWidth,
        href: (r) => link("events", { between: `${a},${b}`, since: r.period, until: periodEnd(r.period, by) }),
      });
      chartBox.replaceChildren(summary(rows), draw(), chartLegend());
      onResize(signal, () => chartBox.querySelector("svg.timeline")?.replaceWith(draw()));
    } catch (e) {
      if (!isAbort(e)) chartBox.replaceChildren(errorBox(e, "load the timeline"));
    }
  })();
  const total = timeline.then(({ rows }) => rows.reduce((n, r) => n + r.events, 0));
  await Promise.all([chart, pagedEvents(list, { query: { ...filter, limit: 100 }, signal, total })]);
};
