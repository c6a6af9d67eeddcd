// The list of events used by the dyad and events views: one row per merged
// event, its evidence linking to the article view, paged with the API's
// cursor ("more" fetches the next page and appends it).
import { api, type Query, type StoredActor, type StoredEvent } from "./api.js";
import { errorBox, fmtGoldstein, fmtInt, h, isAbort } from "./dom.js";
import { goldsteinColor, QUADS } from "./palette.js";
import { link } from "./router.js";

const actorCell = (a: StoredActor) =>
  h("td", { class: "actor" },
    h("span", { class: "name" }, a.name), " ",
    h("span", { class: "meta" }, h("abbr", { class: "code", title: "country" }, a.country), " ", a.sector, a.role ? ` · ${a.role}` : ""));

export function eventRow(e: StoredEvent): HTMLTableRowElement {
  const quad = QUADS[e.quad - 1];
  const href = link("article", { event: e.id }, e.firstArticle);
  return h("tr", { "data-event-id": e.id, "data-date": e.date, "data-type": e.type },
    h("td", { class: "date" }, h("time", { datetime: e.date }, e.date)),
    actorCell(e.source),
    h("td", { class: "type" },
      h("span", { class: "quad-dot", style: `background:${quad.color}`, title: quad.name }), " ",
      h("span", { class: "type-name" }, e.type), " ",
      h("span", { class: "meta" }, e.cameo, e.mode ? ` · ${e.mode}` : "")),
    actorCell(e.target),
    h("td", { class: "place" }, e.place ? [e.place.name, " ", h("span", { class: "meta" }, e.place.country)] : h("span", { class: "meta" }, "—")),
    h("td", { class: "reports num", title: `${e.numMentions} report(s) in ${e.numArticles} article(s) from ${e.numSources} outlet(s)` },
      `${e.numMentions}/${e.numArticles}/${e.numSources}`),
    h("td", { class: "goldstein num" }, h("span", { class: "gs", style: `--gs:${goldsteinColor(e.goldstein)}` }, fmtGoldstein(e.goldstein))),
    h("td", { class: "evidence" }, h("a", { href, title: `Why: the evidence in article ${e.firstArticle}` }, e.evidence)));
}

export function eventTable(): { el: HTMLElement; body: HTMLTableSectionElement } {
  const body = h("tbody");
  const head = ["Date", "Source", "Type", "Target", "Place", "Reports", "Goldstein", "Evidence (opens the article)"];
  const el = h("div", { class: "table-wrap" },
    h("table", { class: "events" },
      h("thead", null, h("tr", null, head.map((c, i) => h("th", { class: i === 5 || i === 6 ? "num" : null, title: i === 5 ? "reports / articles / outlets" : null }, c)))),
      body));
  return { el, body };
}

export interface PagedOptions {
  /** Filters and paging (limit, order) for /api/events. */
  query: Query;
  signal: AbortSignal;
  /** How many events match in all, when known. */
  total?: Promise<number>;
  onError?: (e: unknown) => void;
}

/**
 * Fills `into` with the first page of matching events and a "more" button for the next.
 * @example await pagedEvents(box, { query: { between: "IRN,PAK", limit: 100 }, signal });
 */
export async function pagedEvents(into: HTMLElement, o: PagedOptions): Promise<void> {
  const { el, body } = eventTable();
  const status = h("p", { class: "count", "aria-live": "polite" });
  const more = h("button", { type: "button", class: "more-button" }, "More");
  const footer = h("div", { class: "table-footer" }, status, more);
  let shown = 0, total: number | undefined, cursor: string | null = null;
  o.total?.then((n) => { total = n; render(); }, () => undefined);

  const render = () => {
    status.textContent = total !== undefined
      ? `${fmtInt(shown)} of ${fmtInt(total)} event${total === 1 ? "" : "s"} shown`
      : `${fmtInt(shown)} event${shown === 1 ? "" : "s"} shown`;
    // the API can hand a cursor for a page that turns out empty; the total says there is none
    more.hidden = !cursor || (total !== undefined && shown >= total);
  };
  const page = async () => {
    more.disabled = true;
    more.textContent = "Loading…";
    try {
      const r = await api.events(cursor ? { ...o.query, cursor } : o.query, o.signal);
      body.append(...r.events.map(eventRow));
      shown += r.events.length;
      cursor = r.nextCursor;
      render();
    } catch (e) {
      if (isAbort(e)) return;
      if (shown === 0) into.replaceChildren(errorBox(e, "load events"));
      else footer.after(errorBox(e, "load more events"));
      o.onError?.(e);
      cursor = null;
    } finally {
      more.disabled = false;
      more.textContent = "More";
    }
  };
  more.addEventListener("click", () => { void page(); });
  into.replaceChildren(el, footer);
  await page();
  if (shown === 0 && into.isConnected && !into.querySelector(".error")) into.replaceChildren(h("p", { class: "empty" }, "No events match these filters."));
}
