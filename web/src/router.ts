// Routing by URL hash, so every view and its filters can be linked:
// #/dyad?a=IRN&b=PAK, #/network, #/map, #/article/ID?event=12, #/events?type=CONSULT.
import { queryString, type Query } from "./api.js";

export interface Route {
  /** The view's name: "dyad", "article" … ("" for the bare page). */
  view: string;
  /** The rest of the path, decoded: the article id for #/article/ID. */
  arg: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q < 0 ? raw : raw.slice(0, q);
  const slash = path.indexOf("/");
  const view = slash < 0 ? path : path.slice(0, slash);
  let arg = slash < 0 ? "" : path.slice(slash + 1);
  try { arg = decodeURIComponent(arg); } catch { /* a malformed escape: keep it as typed */ }
  return { view, arg, params: new URLSearchParams(q < 0 ? "" : raw.slice(q + 1)) };
}

/** @example link("article", { event: 12 }, "wire-1") === "#/article/wire-1?event=12" */
export function link(view: string, q: Query = {}, arg?: string): string {
  const qs = queryString(q);
  return `#/${view}${arg !== undefined ? `/${encodeURIComponent(arg)}` : ""}${qs ? `?${qs}` : ""}`;
}

export function go(view: string, q: Query = {}, arg?: string): void {
  location.hash = link(view, q, arg);
}

/** The parameters as a plain query, for building API calls. */
export function toQuery(p: URLSearchParams, keys?: readonly string[]): Query {
  const q: Query = {};
  for (const [k, v] of p) if (!keys || keys.includes(k)) q[k] = v;
  return q;
}
