// The event table (#/events?type=CONSULT&text=talks…): the CLI's filters,
// pages of events fetched by cursor ("more"), and the same query as a CSV
// download.
import { api, type Query } from "../api.js";
import { storeCountries } from "../countries.js";
import { h } from "../dom.js";
import { pagedEvents } from "../event-table.js";
import { FILTERS, filterForm } from "../filter-form.js";
import { go, toQuery } from "../router.js";
import type { View } from "./view.js";

const PAGE_SIZES = ["25", "50", "100", "250", "1000"];

export const eventsView: View = async ({ root, route, signal }) => {
  const p = route.params;
  const limit = p.get("limit") ?? "100";
  const order = p.get("order") === "asc" ? "asc" : "desc";
  root.replaceChildren(h("h1", null, "Events"), h("p", { class: "loading" }, "Loading…"));
  const countries = await storeCountries().catch(() => []);
  const form = filterForm({
    params: p, signal, countries,
    fields: ["actor", "between", "type", "quad", "since", "until", "text"],
    more: ["source", "target", "place", "cameo", "sector", "sourceSector", "targetSector", "article"],
    extras: [
      { name: "order", label: "Order", value: order, default: "desc", options: [["desc", "newest first"], ["asc", "oldest first"]] },
      // A limit typed into the URL that is not one of the sizes is kept as an option.
      { name: "limit", label: "Per page", value: limit, default: "100", options: [...new Set([...PAGE_SIZES, limit])].map((n) => [n, n]) },
    ],
    onSubmit: (q) => go("events", q),
  });
  const filters: Query = toQuery(p, FILTERS);
  const csv = h("a", { class: "button csv", href: api.csvUrl({ ...filters, order }), download: "dyad-events.csv" }, "Download CSV");
  const list = h("div", { class: "event-list" });
  root.replaceChildren(
    h("div", { class: "title-row" }, h("h1", null, "Events"), csv),
    form.el, list);

  // The total comes from the yearly timeline of the same filters (the events route pages without one).
  const total = api.timeline({ ...filters, by: "year" }, signal).then(({ rows }) => rows.reduce((n, r) => n + r.events, 0));
  await pagedEvents(list, { query: { ...filters, limit, order: order === "desc" ? undefined : order }, signal, total, onError: form.showError });
};
