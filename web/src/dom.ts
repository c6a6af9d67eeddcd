// Small DOM helpers: elements from a tag, attributes and children (HTML and
// SVG), number formats, and the box that shows an error to the user.
import { ApiError } from "./api.js";

export type Child = Node | string | number | null | undefined | false | Child[];
type Listener = (ev: never) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Listener>;

function fill<E extends Element>(el: E, attrs: Attrs | null | undefined, children: Child[]): E {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    // through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' still allows
    else if (k === "style" && typeof v === "string") (el as unknown as ElementCSSInlineStyle).style.cssText = v;
    else if (v === true) el.setAttribute(k, "");
    else if (v !== false && v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else if (c !== null && c !== undefined && c !== false) el.appendChild(document.createTextNode(String(c)));
  }
}

/**
 * An HTML element; `on…` attributes that are functions become listeners.
 * @example h("a", { href: "#/map", class: "button", onclick: () => … }, "Map")
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attrs, children);
}

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  return fill(document.createElementNS("http://www.w3.org/2000/svg", tag), attrs, children);
}

const int = new Intl.NumberFormat("en");
export const fmtInt = (n: number): string => int.format(n);
/** A Goldstein score with its sign: "+3.4", "−10.0", "0.0". */
export const fmtGoldstein = (g: number): string => (g > 0 ? "+" : g < 0 ? "−" : "") + Math.abs(g).toFixed(1);

/** A visible message for a failed request; a 400 names the parameter the server refused. */
export function errorBox(e: unknown, what = "load this view"): HTMLElement {
  const api = e instanceof ApiError ? e : undefined;
  const title = !api ? `Could not ${what}` : api.status === 400 ? "The server refused the query" : api.status === 404 ? "Not found" : `Could not ${what}`;
  return h("div", { class: "error", role: "alert" },
    h("strong", null, title), " ",
    api && api.status ? h("span", { class: "status" }, `(${api.status})`) : null, " ",
    h("span", { class: "message" }, (e as Error)?.message ?? String(e)));
}

export function isAbort(e: unknown): boolean {
  return (e as Error)?.name === "AbortError";
}

/** Calls `fn` at most once per animation frame after a window resize, until the signal aborts. */
export function onResize(signal: AbortSignal, fn: () => void): void {
  let last = window.innerWidth, timer = 0;
  window.addEventListener("resize", () => {
    if (window.innerWidth === last) return;
    last = window.innerWidth;
    clearTimeout(timer);
    timer = window.setTimeout(fn, 120);
  }, { signal });
}
