// The article view (#/article/ID?event=12): the article's text with each
// event's evidence sentence highlighted and, inside it, the source and
// target actors and the predicate that made the coder say what it said.
// Beside it the article's events; choosing one scrolls to its evidence.
import { api, type ArticleMention, type StoredActor } from "../api.js";
import { errorBox, fmtGoldstein, h, isAbort } from "../dom.js";
import { goldsteinColor, QUADS } from "../palette.js";
import { link } from "../router.js";
import type { View } from "./view.js";

type Kind = "ev" | "source" | "trigger" | "target";
interface Mark { m: number; kind: Kind; start: number; end: number }

/** Each mention's evidence and spans as marks, dropping any that fall outside the text. */
function marks(mentions: ArticleMention[], length: number): Mark[] {
  const out: Mark[] = [];
  const add = (m: number, kind: Kind, span: [number, number] | undefined) => {
    if (span && span[0] >= 0 && span[1] <= length && span[1] > span[0]) out.push({ m, kind, start: span[0], end: span[1] });
  };
  mentions.forEach((x, m) => {
    add(m, "ev", [x.start, x.end]);
    add(m, "source", x.spans?.source);
    add(m, "trigger", x.spans?.trigger);
    add(m, "target", x.spans?.target);
  });
  return out;
}

/**
 * The text cut at every mark's edge; each piece is a span saying which
 * mentions' evidence, source, predicate and target cover it. Pieces, not
 * nested elements, because two events' spans may overlap.
 */
export function markedText(text: string, mentions: ArticleMention[]): DocumentFragment {
  const all = marks(mentions, text.length);
  const cuts = [...new Set([0, text.length, ...all.flatMap((k) => [k.start, k.end])])].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    for (const k of all) if (k.kind === "ev" && k.start === from) {
      frag.append(h("a", { class: "badge", href: "#", "data-m": k.m, title: `Event ${k.m + 1}`, "aria-label": `Event ${k.m + 1}` }, String(k.m + 1)));
    }
    const on = all.filter((k) => k.start <= from && k.end >= to);
    const piece = text.slice(from, to);
    if (!on.length) { frag.append(piece); continue; }
    const kinds = new Set(on.map((k) => k.kind));
    const ids = (kind: Kind) => on.filter((k) => k.kind === kind).map((k) => k.m).join(" ") || null;
    frag.append(h("span", {
      class: [...kinds].join(" "),
      "data-ev": ids("ev"), "data-source": ids("source"), "data-trigger": ids("trigger"), "data-target": ids("target"),
    }, piece));
  }
  return frag;
}

const actor = (a: StoredActor, said: string) =>
  h("span", { class: "actor" }, h("span", { class: "name" }, a.name), " ", h("span", { class: "meta" }, `${a.country} ${a.sector}`),
    said && said !== a.name ? h("span", { class: "said" }, ` “${said}”`) : null);

function eventItem(x: ArticleMention, m: number): HTMLLIElement {
  const e = x.event, quad = QUADS[e.quad - 1];
  return h("li", { "data-m": m, "data-event-id": e.id },
    h("button", { type: "button", class: "event-pick", "aria-label": `Show the evidence of event ${m + 1}` },
      h("span", { class: "badge" }, String(m + 1)),
      h("span", { class: "what" },
        h("span", { class: "source-key" }, actor(e.source, x.sourceText)), " ",
        h("span", { class: "trigger-key type-name", style: `--quad:${quad.color}`, title: quad.name }, e.type), " ",
        h("span", { class: "target-key" }, actor(e.target, x.targetText))),
      h("span", { class: "meta" },
        `${e.date}${e.place ? ` · ${e.place.name}, ${e.place.country}` : ""} · CAMEO ${e.cameo}${e.mode ? ` · ${e.mode}` : ""} · `,
        h("span", { class: "gs", style: `--gs:${goldsteinColor(e.goldstein)}` }, `Goldstein ${fmtGoldstein(e.goldstein)}`),
        ` · ${e.numMentions}/${e.numArticles}/${e.numSources} reports`)),
    h("a", { class: "meta event-link", href: link("events", { between: `${e.source.country},${e.target.country}`, since: e.date, until: e.date }) }, `event #${e.id} and its pair's events that day`));
}

export const articleView: View = async ({ root, route, signal }) => {
  const id = route.arg;
  root.replaceChildren(h("p", { class: "loading" }, `Loading article ${id}…`));
  let found;
  try {
    found = await api.article(id, signal);
  } catch (e) {
    if (!isAbort(e)) root.replaceChildren(h("h1", null, "Article"), errorBox(e, `load article "${id}"`));
    return;
  }
  const { article: a } = found;
  const mentions = [...found.mentions].sort((x, y) => x.start - y.start || x.eventId - y.eventId);
  const text = h("div", { class: "article-text" }, markedText(a.text, mentions));
  const list = h("ol", { class: "article-events" }, mentions.map(eventItem));
  const segments = (m: number) => [...text.querySelectorAll<HTMLElement>(`[data-ev~="${m}"]`)];

  const select = (m: number, scroll: boolean) => {
    text.querySelectorAll(".sel").forEach((el) => el.classList.remove("sel", "flash"));
    list.querySelectorAll("li.current").forEach((el) => el.classList.remove("current"));
    const segs = segments(m);
    for (const el of segs) {
      el.classList.add("sel");
      void el.offsetWidth; // restart the flash animation
      el.classList.add("flash");
    }
    list.querySelector(`li[data-m="${m}"]`)?.classList.add("current");
    if (scroll) segs[0]?.scrollIntoView({ behavior: "smooth", block: "center" });
    history.replaceState(null, "", link("article", { event: mentions[m].eventId }, id));
  };
  list.addEventListener("click", (ev) => {
    const li = (ev.target as Element).closest<HTMLElement>("li[data-m]");
    if (li && (ev.target as Element).closest("button")) select(Number(li.dataset.m), true);
  });
  text.addEventListener("click", (ev) => {
    const badge = (ev.target as Element).closest<HTMLElement>("a.badge");
    if (!badge) return;
    ev.preventDefault();
    const m = Number(badge.dataset.m);
    select(m, false);
    list.querySelector(`li[data-m="${m}"]`)?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  });
  const hover = (on: boolean) => (ev: Event) => {
    const li = (ev.target as Element).closest<HTMLElement>("li[data-m]");
    if (li) segments(Number(li.dataset.m)).forEach((el) => el.classList.toggle("hover", on));
  };
  list.addEventListener("mouseover", hover(true));
  list.addEventListener("mouseout", hover(false));

  root.replaceChildren(
    h("header", { class: "article-head" },
      h("h1", null, a.title || a.id),
      h("p", { class: "meta" },
        a.source || "unknown outlet", " · ", h("time", { datetime: a.date }, a.date), " · id ", h("code", null, a.id),
        a.url ? [" · ", h("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "original ↗")] : null),
      found.copies?.length ? h("p", { class: "meta copies" }, "Also run by ", found.copies.map((c, i) => [i ? ", " : "",
        c.url ? h("a", { href: c.url, rel: "noopener noreferrer", target: "_blank", title: `${c.id}, ${c.date}` }, c.source || c.id) : h("span", { title: c.date }, c.source || c.id),
        ` (${Math.round(c.similarity * 100)}% alike)`])) : null),
    h("ul", { class: "legend marks-legend" },
      h("li", null, h("span", { class: "ev" }, "evidence sentence")),
      h("li", null, h("span", { class: "ev source" }, "source actor")),
      h("li", null, h("span", { class: "ev trigger" }, "predicate")),
      h("li", null, h("span", { class: "ev target" }, "target actor"))),
    h("div", { class: "article-layout" },
      text,
      h("aside", null,
        h("h2", null, mentions.length ? `${mentions.length} event${mentions.length === 1 ? "" : "s"} coded` : "No events coded in this article"),
        list)));

  const wanted = Number(route.params.get("event"));
  const m = mentions.findIndex((x) => x.eventId === wanted);
  if (m >= 0) select(m, true);
};
