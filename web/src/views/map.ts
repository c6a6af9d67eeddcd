// The map (#/map?since=…): where events happened, a circle per place sized
// by its event count, over a world outline bundled with the app
// (world-atlas 110m, drawn with d3-geo). Wheel or buttons zoom, drag pans.
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import type { FeatureCollection, Geometry } from "geojson";
import { api, type PlaceRow, type Query } from "../api.js";
import { storeCountries } from "../countries.js";
import { errorBox, fmtInt, h, isAbort, s } from "../dom.js";
import { FILTERS, filterForm } from "../filter-form.js";
import { go, link, toQuery } from "../router.js";
import type { View } from "./view.js";

type Countries = FeatureCollection<Geometry, { name: string }>;
let countries: Countries | undefined;
const outline = () => (countries ??= feature(world, world.objects.countries) as unknown as Countries);

/** Pan and zoom by rewriting one transform; circles keep their screen size. */
function zoomable(svg: SVGSVGElement, layer: SVGGElement, dots: SVGGElement, width: number, height: number) {
  let k = 1, x = 0, y = 0;
  const apply = () => {
    layer.setAttribute("transform", `translate(${x.toFixed(1)},${y.toFixed(1)}) scale(${k.toFixed(3)})`);
    dots.querySelectorAll<SVGCircleElement>("circle").forEach((c) => c.setAttribute("r", (Number(c.dataset.r) / k).toFixed(2)));
  };
  const zoomAt = (f: number, px: number, py: number) => {
    const nk = Math.max(1, Math.min(12, k * f));
    x = px - (px - x) * (nk / k); y = py - (py - y) * (nk / k); k = nk;
    if (k === 1) { x = 0; y = 0; }
    x = Math.min(0, Math.max(width - width * k, x)); y = Math.min(0, Math.max(height - height * k, y));
    apply();
  };
  const local = (ev: { clientX: number; clientY: number }) => {
    const r = svg.getBoundingClientRect();
    return [(ev.clientX - r.left) * (width / r.width), (ev.clientY - r.top) * (height / r.height)] as const;
  };
  svg.addEventListener("wheel", (ev) => { ev.preventDefault(); zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, ...local(ev)); }, { passive: false });
  svg.addEventListener("pointerdown", (ev) => {
    if ((ev.target as Element).closest("a")) return;
    const [sx, sy] = local(ev), ox = x, oy = y;
    const move = (m: PointerEvent) => { const [mx, my] = local(m); x = ox + mx - sx; y = oy + my - sy; zoomAt(1, 0, 0); };
    svg.setPointerCapture(ev.pointerId);
    svg.addEventListener("pointermove", move);
    svg.addEventListener("pointerup", () => svg.removeEventListener("pointermove", move), { once: true });
  });
  return {
    controls: h("div", { class: "zoom-controls" },
      h("button", { type: "button", title: "Zoom in", onclick: () => zoomAt(1.5, width / 2, height / 2) }, "+"),
      h("button", { type: "button", title: "Zoom out", onclick: () => zoomAt(1 / 1.5, width / 2, height / 2) }, "−"),
      h("button", { type: "button", title: "Whole world", onclick: () => { k = 1; x = 0; y = 0; apply(); } }, "⟲")),
  };
}

function drawMap(places: PlaceRow[], width: number, filters: Query): HTMLElement {
  const height = Math.round(width / 1.95);
  const projection = geoNaturalEarth1().fitExtent([[6, 6], [width - 6, height - 6]], { type: "Sphere" });
  const path = geoPath(projection);
  const located = places.filter((p) => p.lat !== undefined && p.lon !== undefined).sort((a, b) => b.events - a.events);
  const max = Math.max(...located.map((p) => p.events), 1);
  const dots = s("g", { class: "places" }, located.map((p) => {
    const [cx, cy] = projection([p.lon!, p.lat!]) ?? [0, 0];
    const r = (3 + 19 * Math.sqrt(p.events / max)).toFixed(1);
    return s("a", { href: link("events", { ...filters, place: p.country }), "data-name": p.name, "data-country": p.country, "data-events": p.events },
      s("title", null, `${p.name}, ${p.country}: ${fmtInt(p.events)} event${p.events === 1 ? "" : "s"} (opens the events in ${p.country})`),
      s("circle", { cx: cx.toFixed(1), cy: cy.toFixed(1), r, "data-r": r }));
  }));
  const layer = s("g", { class: "zoom" },
    s("path", { class: "sphere", d: path({ type: "Sphere" }) ?? "" }),
    s("path", { class: "graticule", d: path(geoGraticule10()) ?? "" }),
    s("g", { class: "countries" }, outline().features.map((f) => s("path", { d: path(f) ?? "", "data-name": f.properties.name }, s("title", null, f.properties.name)))),
    dots);
  const svg = s("svg", { class: "map", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `Map of ${located.length} event locations` }, layer);
  const { controls } = zoomable(svg, layer, dots, width, height);
  return h("div", { class: "map-frame" }, svg, controls);
}

function placeTable(places: PlaceRow[], filters: Query): HTMLElement {
  return h("div", { class: "table-wrap" }, h("table", { class: "places-table" },
    h("thead", null, h("tr", null, h("th", null, "Place"), h("th", null, "Country"), h("th", { class: "num" }, "Events"), h("th", null, "Coordinates"))),
    h("tbody", null, places.map((p) => h("tr", null,
      h("td", null, p.name),
      h("td", null, h("a", { href: link("events", { ...filters, place: p.country }) }, p.country)),
      h("td", { class: "num" }, fmtInt(p.events)),
      h("td", { class: "meta" }, p.lat !== undefined && p.lon !== undefined ? `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : "not on the map (no coordinates)"))))));
}

export const mapView: View = async ({ root, route, signal }) => {
  const p = route.params;
  const top = p.get("top") ?? "500";
  root.replaceChildren(h("h1", null, "Map"), h("p", { class: "loading" }, "Loading…"));
  const known = await storeCountries().catch(() => []);
  const form = filterForm({
    params: p, signal, countries: known,
    fields: ["since", "until", "type", "quad", "actor"],
    more: ["between", "place", "sector", "cameo", "text"],
    extras: [{ name: "top", label: "Places", value: top, default: "500", options: ["100", "500", "1000", "5000"].map((n) => [n, `busiest ${n}`]) }],
    onSubmit: (q) => go("map", q),
  });
  const box = h("div", { class: "chart map-box" }, h("p", { class: "loading" }, "Loading places…"));
  const list = h("div", { class: "place-list" });
  root.replaceChildren(h("h1", null, "Map"), form.el, box, list);

  const filters = toQuery(p, FILTERS);
  try {
    const { places } = await api.places({ ...filters, top }, signal);
    box.replaceChildren(drawMap(places, Math.max(box.clientWidth, 300), filters),
      h("p", { class: "meta" }, places.length
        ? `${fmtInt(places.length)} place${places.length === 1 ? "" : "s"}; circle area ∝ events. Click a circle for the events in its country; scroll or use the buttons to zoom, drag to pan.`
        : "No located events match these filters."));
    if (places.length) list.replaceChildren(h("h2", null, "Places"), placeTable(places, filters));
  } catch (e) {
    if (isAbort(e)) return;
    box.replaceChildren(errorBox(e, "load the places"));
    form.showError(e);
  }
};
