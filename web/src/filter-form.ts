// The filter form shared by the events table, the network and the map: the
// same filters as the CLI, read from and written to the URL hash, so a
// filtered view is a link. A parameter the server refuses is marked in place.
import { ApiError, type NamedActor, type Query } from "./api.js";
import { h, type Child } from "./dom.js";
import { PLOVER_TYPES, QUADS, SECTORS } from "./palette.js";

export type FilterName =
  | "actor" | "between" | "source" | "target" | "type" | "quad" | "since" | "until"
  | "place" | "text" | "cameo" | "sector" | "sourceSector" | "targetSector" | "article";

/** Every filter the API takes, in the order the forms show them. */
export const FILTERS: readonly FilterName[] = [
  "actor", "between", "source", "target", "type", "quad", "since", "until",
  "place", "text", "cameo", "sector", "sourceSector", "targetSector", "article",
];

/** A select beside the filters (page size, order …); its default is left out of the URL. */
export interface Extra { name: string; label: string; options: [string, string][]; value: string; default: string }

export interface FilterFormOptions {
  params: URLSearchParams;
  /** Filters shown at once, and those under "more filters". */
  fields: readonly FilterName[];
  more?: readonly FilterName[];
  extras?: Extra[];
  countries: NamedActor[];
  /** Aborted when the view goes away (removes document listeners). */
  signal: AbortSignal;
  onSubmit: (q: Query) => void;
}

export interface FilterForm {
  el: HTMLFormElement;
  /** Marks the field the server refused, when the error names one. */
  showError: (e: unknown) => void;
}

const LABELS: Record<FilterName, string> = {
  actor: "Actor (either side)", between: "Between", source: "Source", target: "Target", type: "Type",
  quad: "Quad class", since: "Since", until: "Until", place: "Place (country)", text: "Text search",
  cameo: "CAMEO prefix", sector: "Sector (either side)", sourceSector: "Source sector",
  targetSector: "Target sector", article: "Article id",
};

const countryInput = (name: string, value: string, label: string) =>
  h("input", { name, value, list: "dyad-countries", placeholder: "IRN", size: 6, autocomplete: "off", spellcheck: "false", "aria-label": label, class: "code" });

function typePicker(value: string, signal: AbortSignal): HTMLElement {
  const chosen = new Set(value.split(",").map((t) => t.trim().toUpperCase()).filter(Boolean));
  const summary = h("summary", { class: "select" });
  const boxes = PLOVER_TYPES.map((t) => h("label", null, h("input", { type: "checkbox", name: "type", value: t, checked: chosen.has(t) }), " ", t.toLowerCase()));
  const update = () => {
    const on = boxes.map((b) => b.querySelector("input")!).filter((i) => i.checked).map((i) => i.value);
    summary.textContent = on.length === 0 ? "any type" : on.length <= 2 ? on.join(", ") : `${on.length} types`;
  };
  update();
  const menu = h("details", { class: "multi", onchange: update }, summary, h("div", { class: "menu" }, boxes));
  // A click outside the open menu closes it, as a select would.
  document.addEventListener("click", (ev) => { if (!menu.contains(ev.target as Node)) menu.open = false; }, { signal });
  return menu;
}

function quadPicker(value: string): HTMLElement {
  const chosen = new Set(value.split(",").map((q) => q.trim()));
  return h("div", { class: "quads", role: "group", "aria-label": "Quad class" },
    QUADS.map((q) => h("label", { class: "quad-chip", title: q.name },
      h("input", { type: "checkbox", name: "quad", value: q.q, checked: chosen.has(String(q.q)) }),
      h("i", { style: `background:${q.color}` }), q.short)));
}

function sectorSelect(name: string, value: string, label: string): HTMLSelectElement {
  return h("select", { name, "aria-label": label },
    h("option", { value: "" }, "any"),
    SECTORS.map((s) => h("option", { value: s, selected: s === value.toUpperCase() }, s)));
}

function control(name: FilterName, p: URLSearchParams, signal: AbortSignal): Child {
  const v = p.get(name) ?? "";
  switch (name) {
    case "actor": case "source": case "target": case "place":
      return countryInput(name, v, LABELS[name]);
    case "between": {
      const [a = "", b = ""] = v.split(",");
      return h("span", { class: "pair" }, countryInput("between", a, "Between, first country"), "–", countryInput("between", b, "Between, second country"));
    }
    case "type": return typePicker(v, signal);
    case "quad": return quadPicker(v);
    case "since": case "until": return h("input", { type: "date", name, value: v, "aria-label": LABELS[name] });
    case "sector": case "sourceSector": case "targetSector": return sectorSelect(name, v, LABELS[name]);
    case "text": return h("input", { type: "search", name, value: v, placeholder: "words in the evidence", "aria-label": LABELS[name] });
    case "cameo": return h("input", { name, value: v, placeholder: "04", size: 5, inputmode: "numeric", "aria-label": LABELS[name] });
    case "article": return h("input", { name, value: v, "aria-label": LABELS[name] });
  }
}

const field = (name: FilterName, p: URLSearchParams, signal: AbortSignal) =>
  h("div", { class: `field field-${name}`, "data-param": name }, h("span", { class: "label" }, LABELS[name]), control(name, p, signal));

/** The form's values as a query: several boxes of one name join with commas. */
function read(form: HTMLFormElement): Query {
  const q: Record<string, string[]> = {};
  for (const [k, v] of new FormData(form)) {
    const t = String(v).trim();
    if (t) (q[k] ??= []).push(["actor", "source", "target", "place", "between"].includes(k) ? t.toUpperCase() : t);
  }
  const out: Query = {};
  for (const [k, vs] of Object.entries(q)) out[k] = vs.join(",");
  return out;
}

/** A filter form for the given fields, filled from the URL's parameters. */
export function filterForm(o: FilterFormOptions): FilterForm {
  const more = o.more ?? [];
  const moreOpen = more.some((n) => o.params.get(n));
  const form = h("form", { class: "filters", role: "search" },
    h("datalist", { id: "dyad-countries" }, o.countries.map((c) => h("option", { value: c.country }, c.name))),
    h("div", { class: "fields" },
      o.fields.map((n) => field(n, o.params, o.signal)),
      (o.extras ?? []).map((x) => h("div", { class: `field field-${x.name}`, "data-param": x.name },
        h("span", { class: "label" }, x.label),
        h("select", { name: x.name, "aria-label": x.label }, x.options.map(([v, l]) => h("option", { value: v, selected: v === x.value }, l)))))),
    more.length ? h("details", { class: "more", open: moreOpen }, h("summary", null, "More filters"), h("div", { class: "fields" }, more.map((n) => field(n, o.params, o.signal)))) : null,
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "primary" }, "Apply"),
      h("button", { type: "button", class: "plain", onclick: () => o.onSubmit({}) }, "Clear")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = read(form);
    for (const x of o.extras ?? []) if (q[x.name] === x.default) delete q[x.name];
    o.onSubmit(q);
  });

  const showError = (e: unknown) => {
    if (!(e instanceof ApiError) || !e.param) return;
    const f = form.querySelector<HTMLElement>(`[data-param="${CSS.escape(e.param)}"]`);
    if (!f) return;
    f.classList.add("invalid");
    f.querySelectorAll("input, select").forEach((i) => i.setAttribute("aria-invalid", "true"));
    f.append(h("span", { class: "field-error" }, e.message));
    const d = f.closest("details");
    if (d) d.open = true;
  };
  return { el: form, showError };
}
