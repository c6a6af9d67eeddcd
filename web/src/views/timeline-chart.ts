// The dyad view's chart: events per period as bars stacked by quad class
// (left axis) and the mean Goldstein score as a line (right axis, −10…+10).
import type { Interval, TimelineRow } from "../api.js";
import { fmtGoldstein, h, s } from "../dom.js";
import { QUADS } from "../palette.js";

const HEIGHT = 260;
const M = { top: 14, right: 56, bottom: 34, left: 44 };

/** Round tick values from 0 to at least `max`, about `count` of them. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(v);
  return out;
}

const label = (period: string, by: Interval) => (by === "year" ? period.slice(0, 4) : by === "month" ? period.slice(0, 7) : period);

export interface ChartOptions {
  by: Interval;
  width: number;
  /** Where a click on a period's bar leads (its events). */
  href: (row: TimelineRow) => string;
}

export function timelineChart(rows: TimelineRow[], o: ChartOptions): SVGSVGElement {
  const w = Math.max(o.width, 280);
  const pw = w - M.left - M.right, ph = HEIGHT - M.top - M.bottom;
  const band = pw / Math.max(rows.length, 1);
  const barW = Math.min(48, band > 4 ? band * 0.8 : band);
  const ticks = niceTicks(Math.max(...rows.map((r) => r.events), 1));
  const yMax = ticks[ticks.length - 1];
  const y = (v: number) => M.top + ph - (v / yMax) * ph;
  const g = (v: number) => M.top + ph / 2 - (v / 10) * (ph / 2);
  const cx = (i: number) => M.left + band * i + band / 2;
  const every = Math.ceil((o.by === "year" ? 44 : o.by === "month" ? 64 : 84) / band);

  const grid = ticks.map((t) => s("g", { class: "tick" },
    s("line", { x1: M.left, x2: M.left + pw, y1: y(t), y2: y(t), class: "grid" }),
    s("text", { x: M.left - 6, y: y(t), dy: "0.32em", "text-anchor": "end" }, t)));
  const gTicks = [-10, -5, 0, 5, 10].map((t) => s("g", { class: "tick" },
    t === 0 ? s("line", { x1: M.left, x2: M.left + pw, y1: g(0), y2: g(0), class: "zero" }) : null,
    s("text", { x: M.left + pw + 6, y: g(t), dy: "0.32em" }, t > 0 ? `+${t}` : t)));

  const bars = rows.map((r, i) => {
    if (!r.events) return null;
    let top = 0;
    const parts = r.quads.map((n, q) => {
      if (!n) return null;
      const rect = s("rect", { class: `bar q${q + 1}`, x: cx(i) - barW / 2, y: y(top + n), width: barW, height: y(top) - y(top + n), fill: QUADS[q].color, "data-quad": q + 1, "data-count": n });
      top += n;
      return rect;
    });
    const tip = `${label(r.period, o.by)}: ${r.events} event${r.events === 1 ? "" : "s"}, mean Goldstein ${fmtGoldstein(r.goldsteinMean)}\n`
      + QUADS.map((q, k) => `${q.name}: ${r.quads[k]}`).join("\n");
    return s("a", { href: o.href(r), class: "period", "data-period": r.period, "data-events": r.events }, s("title", null, tip), parts);
  });

  const points = rows.map((r, i) => ({ r, x: cx(i), y: g(r.goldsteinMean) })).filter((p) => p.r.events > 0);
  const line = points.length > 1 ? s("path", { class: "gs-line", d: points.map((p, k) => `${k ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join("") }) : null;
  const dots = points.map((p) => s("circle", { class: "gs-point", cx: p.x, cy: p.y, r: 3.5 }, s("title", null, `mean Goldstein ${fmtGoldstein(p.r.goldsteinMean)}`)));
  const xLabels = rows.map((r, i) => (i % every === 0
    ? s("text", { x: cx(i), y: M.top + ph + 18, "text-anchor": "middle" }, label(r.period, o.by)) : null));

  return s("svg", { class: "timeline", width: w, height: HEIGHT, viewBox: `0 0 ${w} ${HEIGHT}`, role: "img", "aria-label": `Events per ${o.by} by quad class, with the mean Goldstein score` },
    s("g", { class: "axis left" }, grid, s("text", { class: "axis-title", x: 10, y: M.top + ph / 2, transform: `rotate(-90 10 ${M.top + ph / 2})`, "text-anchor": "middle" }, "events")),
    s("g", { class: "axis right" }, gTicks, s("text", { class: "axis-title", x: w - 10, y: M.top + ph / 2, transform: `rotate(90 ${w - 10} ${M.top + ph / 2})`, "text-anchor": "middle" }, "mean Goldstein")),
    s("g", { class: "bars" }, bars),
    s("g", { class: "goldstein" }, line, dots),
    s("g", { class: "axis bottom" }, s("line", { x1: M.left, x2: M.left + pw, y1: M.top + ph, y2: M.top + ph, class: "baseline" }), xLabels));
}

export function chartLegend(): HTMLElement {
  return h("ul", { class: "legend" },
    QUADS.map((q) => h("li", null, h("i", { class: "swatch", style: `background:${q.color}` }), q.name)),
    h("li", null, h("i", { class: "swatch line" }), "mean Goldstein (right axis)"));
}
