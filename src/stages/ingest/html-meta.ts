// What a page says about itself in its markup: publication date, title,
// canonical URL and outlet. Read from the whole document before clutter is
// cut and Readability rewrites it (the <head>, JSON-LD and <time> elements
// are gone after that).
import type { DomElement } from "./html-text.js";

export interface PageMeta {
  /** Date candidates, best first, as written: `from` names where each was found. */
  dates: { value: string; from: string }[];
  title?: string;
  /** Absolute http(s) URL from <link rel=canonical> or og:url. */
  canonicalUrl?: string;
  /** The outlet's name: og:site_name, else JSON-LD publisher (or WebSite name), else application-name. */
  siteName?: string;
}

// Meta names, properties and itemprops that carry the publication date, in
// the order they are trusted. Modified and updated times are left out on
// purpose: a page edited a week later would date its events a week late.
const DATE_META = [
  "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "article.published",
  "article_date_original", "publish-date", "publish_date", "publishdate", "published_date", "published-date", "pubdate",
  "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
  "originalpublicationdate", "cxenseparse:recs:publishtime", "date",
];

const ARTICLE_TYPE = /(?:^|[^a-z])(?:\w*Article|BlogPosting|Report|LiveBlogPosting)$/i;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function metaContent(doc: DomElement): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll("meta"))) {
    const key = (m.getAttribute("property") ?? m.getAttribute("name") ?? m.getAttribute("itemprop") ?? "").trim().toLowerCase();
    const value = m.getAttribute("content");
    if (key !== "" && value !== null && value.trim() !== "" && !found.has(key)) found.set(key, value.trim());
  }
  return found;
}

/** JSON-LD objects, flattened out of arrays and @graph, Article-like ones first. */
function jsonLdObjects(doc: DomElement): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (v: Json, depth: number) => {
    if (depth > 6 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    out.push(v);
    if (v["@graph"]) visit(v["@graph"], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    // CMSs wrap JSON-LD in comments or CDATA markers now and then.
    const src = (s.textContent ?? "").replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, "").replace(/(?:-->|\/\/\s*\]\]>)\s*$/, "");
    try {
      visit(JSON.parse(src) as Json, 0);
    } catch { /* broken JSON-LD is common and not the article's fault */ }
  }
  const isArticle = (o: Record<string, Json>) => [o["@type"]].flat().some((t) => typeof t === "string" && ARTICLE_TYPE.test(t));
  return [...out.filter(isArticle), ...out.filter((o) => !isArticle(o))];
}

function str(v: Json | undefined): string | undefined {
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (v && typeof v === "object" && !Array.isArray(v)) return str(v["name"] ?? v["@value"]);
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
}

/** An absolute http(s) URL, resolving a relative one against `base` when there is one. */
export function absoluteUrl(href: string | null | undefined, base?: string): string | undefined {
  if (!href || href.trim() === "") return undefined;
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a page's metadata. `pageUrl` (where the page came from) resolves a
 * relative canonical link.
 * @example pageMeta(document, "https://example.org/a").dates[0] // { value: "2024-06-11T07:45:00+03:00", from: "article:published_time" }
 */
export function pageMeta(doc: DomElement, pageUrl?: string): PageMeta {
  const meta = metaContent(doc);
  const ld = jsonLdObjects(doc);
  const dates: PageMeta["dates"] = [];
  for (const key of DATE_META) {
    const v = meta.get(key);
    if (v) dates.push({ value: v, from: `<meta ${key}>` });
  }
  for (const o of ld) {
    const v = str(o["datePublished"]) ?? str(o["dateCreated"]);
    if (v) dates.push({ value: v, from: "JSON-LD datePublished" });
  }
  for (const el of Array.from(doc.querySelectorAll("[itemprop=datePublished], time[pubdate]"))) {
    const v = el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.textContent;
    if (v && v.trim()) dates.push({ value: v.trim(), from: "itemprop=datePublished" });
  }
  // A bare <time>: the story's own first, then any other, but never one in a
  // comment thread, sidebar or footer (those date something else).
  const times = [...Array.from(doc.querySelectorAll("article time[datetime], main time[datetime]")), ...Array.from(doc.querySelectorAll("time[datetime]"))];
  const skip = new Set(Array.from(doc.querySelectorAll("[class*=comment] time, [id*=comment] time, aside time, footer time, nav time")));
  for (const t of times) {
    if (skip.has(t)) continue;
    const v = t.getAttribute("datetime");
    if (v && v.trim()) {
      dates.push({ value: v.trim(), from: "<time datetime>" });
      break;
    }
  }

  const ldArticle = ld[0];
  const publisher = ld.map((o) => str(o["publisher"])).find((x) => x !== undefined)
    ?? ld.filter((o) => [o["@type"]].flat().some((t) => t === "WebSite" || t === "NewsMediaOrganization")).map((o) => str(o["name"])).find((x) => x !== undefined);
  const title = meta.get("og:title") ?? meta.get("twitter:title") ?? (ldArticle ? str(ldArticle["headline"]) : undefined);
  const canonicalUrl = absoluteUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute("href"), pageUrl)
    ?? absoluteUrl(meta.get("og:url"), pageUrl);
  const siteName = meta.get("og:site_name") ?? publisher ?? meta.get("application-name");
  return {
    dates,
    ...(title ? { title: clean(title) } : {}),
    ...(canonicalUrl ? { canonicalUrl } : {}),
    ...(siteName ? { siteName: clean(siteName) } : {}),
  };
}

function clean(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** The outlet named by a URL's host, without "www.": "https://www.example.org/x" → "example.org". */
export function hostOutlet(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\d*\./, "") || undefined;
  } catch {
    return undefined;
  }
}
