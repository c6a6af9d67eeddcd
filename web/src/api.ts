// The typed client for dyad's HTTP API (`dyad serve`): one function per
// route, the JSON shapes taken from the store's own types. URLs are relative
// so the explorer also works when served under a path prefix.
import type {
  ActorRow, ArticleCopy, DyadRow, EventMention, Interval, PlaceRow, StoredActor, StoredArticle, StoredEvent, TimelineRow,
} from "../../src/store/types.js";

export type { ActorRow, ArticleCopy, DyadRow, EventMention, Interval, PlaceRow, StoredActor, StoredArticle, StoredEvent, TimelineRow };

/** Query parameters; empty and undefined values are left out. */
export type Query = Record<string, string | number | undefined>;

export interface Health {
  ok: boolean;
  store: string;
  articles: number;
  events: number;
  mentions: number;
  firstDate?: string;
  lastDate?: string;
  /** The coder version that made the store's events (null for an empty store). */
  coderVersion?: string | null;
}

export interface Spans { trigger?: [number, number]; source?: [number, number]; target?: [number, number] }
export type ArticleMention = EventMention & { event: StoredEvent; spans?: Spans };
/** An article, the other outlets' copies of it (syndicated wire stories) and its events. */
export interface ArticleResponse { article: StoredArticle; copies?: ArticleCopy[]; mentions: ArticleMention[] }
export interface EventsPage { events: StoredEvent[]; nextCursor: string | null }
export type NamedDyad = DyadRow & { aName: string; bName: string };
export type NamedActor = ActorRow & { name: string };

/** A request the server refused (`param` names the query parameter at fault), or that never reached it. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly param?: string) {
    super(message);
  }
}

/** "a=1&b=2" from a query, skipping empty values. */
export function queryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p.toString();
}

export function apiUrl(path: string, q: Query = {}): string {
  const qs = queryString(q);
  return `api/${path}${qs ? `?${qs}` : ""}`;
}

async function get<T>(path: string, q: Query, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, q), { signal, headers: { accept: "application/json" } });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(`Could not reach the dyad server (${(e as Error).message}). Is "dyad serve" still running?`, 0);
  }
  const body = await res.json().catch(() => undefined) as { error?: { message?: string; param?: string } } | undefined;
  if (!res.ok) {
    const err = body?.error;
    throw new ApiError(err?.message ?? `${res.status} ${res.statusText} from ${path}`, res.status, err?.param);
  }
  if (body === undefined) throw new ApiError(`The server sent something that is not JSON for ${path}`, res.status);
  return body as T;
}

/** @example const { events, nextCursor } = await api.events({ between: "IRN,PAK", limit: 50 }); */
export const api = {
  health: (signal?: AbortSignal) => get<Health>("health", {}, signal),
  events: (q: Query, signal?: AbortSignal) => get<EventsPage>("events", q, signal),
  event: (id: number, signal?: AbortSignal) => get<{ event: StoredEvent; mentions: EventMention[] }>(`events/${id}`, {}, signal),
  article: (id: string, signal?: AbortSignal) => get<ArticleResponse>(`articles/${encodeURIComponent(id)}`, {}, signal),
  dyads: (q: Query, signal?: AbortSignal) => get<{ dyads: NamedDyad[] }>("dyads", q, signal),
  timeline: (q: Query, signal?: AbortSignal) => get<{ by: Interval; rows: TimelineRow[] }>("timeline", q, signal),
  actors: (q: Query, signal?: AbortSignal) => get<{ actors: NamedActor[] }>("actors", q, signal),
  places: (q: Query, signal?: AbortSignal) => get<{ places: PlaceRow[] }>("places", q, signal),
  /** The CSV download of every event matching the filters. */
  csvUrl: (q: Query) => apiUrl("events.csv", q),
};
