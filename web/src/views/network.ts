// The actor network (#/network?since=…&type=…): countries as nodes sized by
// their events, the busiest pairs as edges weighted by event count and
// coloured by cooperation or conflict, laid out by d3-force. Nodes can be
// dragged; a node opens its events, an edge its dyad view.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import { api, type NamedDyad, type Query } from "../api.js";
import { storeCountries } from "../countries.js";
import { errorBox, fmtGoldstein, fmtInt, h, isAbort, s } from "../dom.js";
import { FILTERS, filterForm } from "../filter-form.js";
import { conflictShareColor, goldsteinColor } from "../palette.js";
import { go, link, toQuery } from "../router.js";
import type { View } from "./view.js";

/** A country; `domestic` counts events with it on both sides (police and protesters …). */
interface Node extends SimulationNodeDatum { id: string; name: string; events: number; domestic: number; r: number }
interface Edge extends SimulationLinkDatum<Node> { d: NamedDyad; source: Node; target: Node }
type ColourBy = "goldstein" | "conflict";

const HEIGHT = 560;
const conflictShare = (d: NamedDyad) => (d.quads[2] + d.quads[3]) / Math.max(d.events, 1);

function graph(dyads: NamedDyad[]): { nodes: Node[]; edges: Edge[] } {
  const byId = new Map<string, Node>();
  const node = (id: string, name: string) => {
    let n = byId.get(id);
    if (!n) byId.set(id, n = { id, name, events: 0, domestic: 0, r: 0 });
    return n;
  };
  const edges: Edge[] = [];
  for (const d of dyads) {
    const a = node(d.a, d.aName), b = node(d.b, d.bName);
    a.events += d.events;
    // events within one country size its node and ring it; an edge to itself would not show
    if (a === b) { a.domestic += d.events; continue; }
    b.events += d.events;
    edges.push({ d, source: a, target: b });
  }
  const nodes = [...byId.values()];
  const max = Math.max(...nodes.map((n) => n.events), 1);
  for (const n of nodes) n.r = 7 + 23 * Math.sqrt(n.events / max);
  return { nodes, edges };
}

function draw(dyads: NamedDyad[], width: number, colourBy: ColourBy, signal: AbortSignal): SVGSVGElement {
  const { nodes, edges } = graph(dyads);
  const maxE = Math.max(...edges.map((e) => e.d.events), 1);
  const sim = forceSimulation(nodes)
    .force("link", forceLink<Node, Edge>(edges).id((n) => n.id).distance((e) => 40 + e.source.r + e.target.r).strength(0.35))
    .force("charge", forceManyBody().strength(-300))
    // a weak pull to the middle keeps pairs that touch no one else from drifting to the corners
    .force("x", forceX(width / 2).strength(0.06))
    .force("y", forceY(HEIGHT / 2).strength(0.09))
    .force("collide", forceCollide<Node>((n) => n.r + 10))
    .stop();
  const keepInside = () => {
    for (const n of nodes) {
      n.x = Math.max(n.r + 2, Math.min(width - n.r - 32, n.x ?? 0)); // room for a label beside it
      n.y = Math.max(n.r + 2, Math.min(HEIGHT - n.r - 2, n.y ?? 0));
    }
  };
  // Laid out before it is shown, so the picture does not jump (and tests see the final one).
  for (let i = 0; i < 300; i++) { sim.tick(); keepInside(); }

  const lines = edges.map((e) => {
    const colour = colourBy === "goldstein" ? goldsteinColor(e.d.goldsteinMean) : conflictShareColor(conflictShare(e.d));
    const tip = `${e.d.aName} – ${e.d.bName}: ${fmtInt(e.d.events)} events, mean Goldstein ${fmtGoldstein(e.d.goldsteinMean)}, ${Math.round(100 * conflictShare(e.d))}% conflict`;
    return s("a", { href: link("dyad", { a: e.d.a, b: e.d.b }), class: "edge", "data-a": e.d.a, "data-b": e.d.b, "data-events": e.d.events },
      s("title", null, tip),
      s("line", { stroke: colour, "stroke-width": (1.5 + 9 * Math.sqrt(e.d.events / maxE)).toFixed(1) }));
  });
  const circles = nodes.map((n) => s("g", { class: "node", "data-country": n.id, "data-events": n.events, tabindex: 0, role: "link", "aria-label": `${n.name}: ${n.events} events; opens its events` },
    s("title", null, `${n.name} (${n.id}): ${fmtInt(n.events)} events in these pairs${n.domestic ? `, ${fmtInt(n.domestic)} of them within the country` : ""}`),
    n.domestic ? s("circle", { class: "domestic", r: (n.r + 3.5).toFixed(1) }) : null,
    s("circle", { class: "body", r: n.r.toFixed(1) }),
    s("text", { class: n.r >= 15 ? "inside" : "beside", dy: n.r >= 15 ? "0.35em" : null, x: n.r >= 15 ? 0 : n.r + 3, "text-anchor": n.r >= 15 ? "middle" : "start" }, n.id)));
  const svg = s("svg", { class: "network", width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: "img", "aria-label": "Network of countries and their events" },
    s("g", { class: "edges" }, lines), s("g", { class: "nodes" }, circles));

  const place = () => {
    edges.forEach((e, i) => {
      const l = lines[i].querySelector("line")!;
      l.setAttribute("x1", e.source.x!.toFixed(1)); l.setAttribute("y1", e.source.y!.toFixed(1));
      l.setAttribute("x2", e.target.x!.toFixed(1)); l.setAttribute("y2", e.target.y!.toFixed(1));
    });
    nodes.forEach((n, i) => circles[i].setAttribute("transform", `translate(${n.x!.toFixed(1)},${n.y!.toFixed(1)})`));
  };
  place();
  sim.on("tick", () => { keepInside(); place(); });
  signal.addEventListener("abort", () => sim.stop());

  // Dragging a node pins it and lets the layout settle around it; a click without a drag opens its events.
  nodes.forEach((n, i) => {
    const g = circles[i];
    let moved = false;
    g.addEventListener("pointerdown", (ev) => {
      moved = false;
      g.setPointerCapture(ev.pointerId);
      const pt = svg.createSVGPoint();
      const move = (m: PointerEvent) => {
        pt.x = m.clientX; pt.y = m.clientY;
        const p = pt.matrixTransform(svg.getScreenCTM()!.inverse());
        if (!moved && Math.hypot(p.x - n.x!, p.y - n.y!) < 3) return;
        moved = true;
        n.fx = p.x; n.fy = p.y;
        sim.alphaTarget(0.2).restart();
      };
      const up = () => {
        g.removeEventListener("pointermove", move);
        sim.alphaTarget(0);
        if (!moved) go("events", { actor: n.id });
      };
      g.addEventListener("pointermove", move);
      g.addEventListener("pointerup", up, { once: true });
    });
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") go("events", { actor: n.id }); });
  });
  return svg;
}

function legend(colourBy: ColourBy): HTMLElement {
  const stops = colourBy === "goldstein" ? [-10, -5, 0, 5, 10] : [1, 0.75, 0.5, 0.25, 0];
  const colour = (v: number) => (colourBy === "goldstein" ? goldsteinColor(v) : conflictShareColor(v));
  const text = (v: number) => (colourBy === "goldstein" ? fmtGoldstein(v) : `${Math.round(v * 100)}%`);
  return h("ul", { class: "legend" },
    h("li", null, colourBy === "goldstein" ? "Edge colour: mean Goldstein" : "Edge colour: share of conflict events"),
    stops.map((v) => h("li", null, h("i", { class: "swatch", style: `background:${colour(v)}` }), text(v))),
    h("li", null, "· node size: events · edge width: events between the pair · dashed ring: events within the country · drag a node to move it"));
}

export const networkView: View = async ({ root, route, signal }) => {
  const p = route.params;
  const colourBy: ColourBy = p.get("colour") === "conflict" ? "conflict" : "goldstein";
  const top = p.get("top") ?? "100";
  root.replaceChildren(h("h1", null, "Actor network"), h("p", { class: "loading" }, "Loading…"));
  const countries = await storeCountries().catch(() => []);
  const form = filterForm({
    params: p, signal, countries,
    fields: ["since", "until", "type", "quad"],
    more: ["actor", "place", "sector", "cameo", "text"],
    extras: [
      { name: "colour", label: "Colour edges by", value: colourBy, default: "goldstein", options: [["goldstein", "mean Goldstein"], ["conflict", "share of conflict"]] },
      { name: "top", label: "Pairs", value: top, default: "100", options: ["25", "50", "100", "250", "500"].map((n) => [n, `busiest ${n}`]) },
    ],
    onSubmit: (q) => go("network", q),
  });
  const box = h("div", { class: "chart network-box" }, h("p", { class: "loading" }, "Laying out the network…"));
  root.replaceChildren(h("h1", null, "Actor network"), form.el, box);

  const query: Query = { ...toQuery(p, FILTERS), top };
  try {
    const { dyads } = await api.dyads(query, signal);
    if (!dyads.length) { box.replaceChildren(h("p", { class: "empty" }, "No events match these filters.")); return; }
    box.replaceChildren(draw(dyads, Math.max(box.clientWidth, 300), colourBy, signal), legend(colourBy));
  } catch (e) {
    if (isAbort(e)) return;
    box.replaceChildren(errorBox(e, "load the network"));
    form.showError(e);
  }
};
