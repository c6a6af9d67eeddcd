// The explorer's entry point: the store's summary in the header, and the
// hash router that opens a view (each in views/) and drops the previous one.
import { api } from "./api.js";
import { append, errorBox, fmtInt, h, isAbort } from "./dom.js";
import { parseHash } from "./router.js";
import { articleView } from "./views/article.js";
import { dyadView } from "./views/dyad.js";
import { eventsView } from "./views/events.js";
import { mapView } from "./views/map.js";
import { networkView } from "./views/network.js";
import type { View } from "./views/view.js";

const VIEWS: Record<string, { view: View; title: string }> = {
  dyad: { view: dyadView, title: "Dyad" },
  network: { view: networkView, title: "Actor network" },
  map: { view: mapView, title: "Map" },
  article: { view: articleView, title: "Article" },
  events: { view: eventsView, title: "Events" },
};

let current: AbortController | undefined;

async function show(): Promise<void> {
  const route = parseHash(location.hash);
  if (!route.view) { location.replace("#/dyad"); return; }
  const root = document.getElementById("view")!;
  current?.abort();
  const ctl = current = new AbortController();
  const entry = VIEWS[route.view];
  document.querySelectorAll<HTMLAnchorElement>("header nav a").forEach((a) => {
    if (a.dataset.view === route.view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  document.title = `${entry?.title ?? "Not found"} · dyad explorer`;
  root.dataset.view = route.view;
  root.removeAttribute("data-ready");
  if (!entry) {
    root.replaceChildren(h("h1", null, "No such view"), h("p", null, `"#/${route.view}" is not a view of the explorer; try the links above.`));
    return;
  }
  try {
    await entry.view({ root, route, signal: ctl.signal });
  } catch (e) {
    if (!isAbort(e)) { root.append(errorBox(e)); console.error(e); }
  }
  // Marks that the view has all its data (tests and screenshots wait for it).
  if (!ctl.signal.aborted) root.dataset.ready = route.view;
}

async function storeInfo(): Promise<void> {
  const el = document.getElementById("store-info")!;
  try {
    const s = await api.health();
    el.replaceChildren();
    append(el, [
      h("span", null, `${fmtInt(s.events)} events`), " · ",
      h("span", null, `${fmtInt(s.articles)} articles`),
      s.firstDate ? [" · ", h("span", null, `${s.firstDate} – ${s.lastDate}`)] : null]);
    el.title = `store ${s.store}${s.coderVersion ? `, coded by dyad ${s.coderVersion}` : ""}`;
  } catch (e) {
    el.replaceChildren(h("span", { class: "offline", role: "alert" }, (e as Error).message));
  }
}

window.addEventListener("hashchange", () => { void show(); });
void show();
void storeInfo();
