// The feed reader: RSS 2.0, RSS 1.0 (RDF) and Atom → one article per item,
// with the item's full content where the feed carries it (content:encoded,
// Atom <content>), else its description or summary, turned from HTML into
// text by the HTML reader's rules. Problems name the item's line.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ArticleInput } from "../../doc/types.js";
import { articleId } from "./article-id.js";
import { fragmentText } from "./html.js";
import { absoluteUrl, hostOutlet } from "./html-meta.js";
import { notEnglish } from "./language.js";
import { count, found, problem, type ProblemCode } from "./problems.js";
import { datelineDate, parsePublished } from "./published-date.js";
import { maxChars, type IngestItem, type ReadOptions, type SourceHints } from "./types.js";

type Node = string | { [k: string]: Node | Node[] } | Node[];
type Obj = { [k: string]: Node | Node[] };

/** Reads a linked page for an item that has only a summary (ReadOptions.followLinks). */
export type FollowLink = (url: string, hints: SourceHints) => AsyncIterable<IngestItem>;

// Atom's <content> and <summary> are kept raw: type="xhtml" holds markup that
// a parser would turn into an object tree, and the raw text is what the HTML
// reader wants anyway.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
  stopNodes: ["*.content", "*.summary"],
});

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The text of a raw (stop-node) XML element: CDATA sections unwrapped, character and entity references decoded. */
function rawXmlText(raw: string): string {
  return raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, cdata: string | undefined, ent: string | undefined) => {
    if (cdata !== undefined) return cdata;
    if (ent === undefined) return m;
    if (ent[0] === "#") {
      const cp = ent[1] === "x" || ent[1] === "X" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return XML_ENTITIES[ent.toLowerCase()] ?? m;
  });
}

function textOf(v: Node | Node[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "string") return v.trim() === "" ? undefined : v;
  if (Array.isArray(v)) return textOf(v[0]);
  return textOf(v["#text"]);
}

function attr(v: Node | Node[] | undefined, name: string): string | undefined {
  if (v === undefined || typeof v === "string") return undefined;
  if (Array.isArray(v)) return attr(v[0], name);
  const a = v[`@_${name}`];
  return typeof a === "string" ? a : undefined;
}

/**
 * An item's content as plain text. `raw` marks Atom's stop-node elements,
 * whose XML is still undecoded. Markup goes through the HTML reader's rules:
 * RSS descriptions are HTML by convention, and many Atom feeds put HTML in
 * elements they label type="text", so tags, not the label, decide.
 */
function contentText(v: Node | Node[] | undefined, raw: boolean): string | undefined {
  const body = textOf(v);
  if (body === undefined) return undefined;
  if (raw && (attr(v, "type") ?? "").toLowerCase() === "xhtml") return fragmentText(body);
  const decoded = raw ? rawXmlText(body) : body;
  const text = /<[a-z!/][^>]*>|&[#\w]+;/i.test(decoded) ? fragmentText(decoded) : decoded.replace(/[ \t]+/g, " ").trim();
  return text === "" ? undefined : text;
}

function pick(o: Obj, ...keys: string[]): Node | Node[] | undefined {
  for (const k of keys) if (o[k] !== undefined) return o[k];
  return undefined;
}

/** Atom: the rel="alternate" link (or one without rel); RSS: the <link> text. Absolute http(s) URLs only. */
function itemLink(o: Obj, base: string | undefined): string | undefined {
  for (const l of ([] as Node[]).concat(o["link"] ?? [])) {
    if (typeof l === "string") return absoluteUrl(l, base);
    const rel = attr(l, "rel");
    const href = attr(l, "href") ?? textOf(l);
    if (href && (rel === undefined || rel === "alternate")) return absoluteUrl(href, base);
  }
  return undefined;
}

/**
 * "Q&A" and "Trade & Aid" written without &amp;: strictly malformed, but so
 * common in hand-built feeds that feed readers accept them. Escaped here,
 * outside CDATA, so such a feed is read rather than reported BAD_XML.
 */
export function escapeBareAmpersands(xml: string): string {
  return xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|&(?!#\d+;|#x[0-9a-f]+;|[a-z][\w.-]*;)/gi, (m) => (m === "&" ? "&amp;" : m));
}

/** Line numbers of the <item>/<entry> tags, in order, skipping CDATA and comments. */
export function itemLines(xml: string): number[] {
  const lines: number[] = [];
  const re = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(?:item|entry)(?=[\s>/])/g;
  let line = 1, last = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    for (let i = xml.indexOf("\n", last); i >= 0 && i < m.index; i = xml.indexOf("\n", i + 1)) line++;
    last = m.index;
    if (m[0][1] !== "!") lines.push(line);
  }
  return lines;
}

/** The outlet in a feed title: "The Harbour Courier - World" → "The Harbour Courier". */
function feedOutlet(title: string | undefined): string | undefined {
  const t = title?.split(/\s+[|>»:–—-]\s+/)[0].trim();
  return t ? t : undefined;
}

interface FeedShape {
  items: Obj[];
  title?: string;
}

function shapeOf(doc: Obj): FeedShape | undefined {
  const rss = doc["rss"] as Obj | undefined;
  if (rss && typeof rss === "object") {
    const channel = ([] as Node[]).concat(rss["channel"] ?? [])[0] as Obj | undefined;
    return { items: ([] as Node[]).concat(channel?.["item"] ?? []) as Obj[], title: textOf(channel?.["title"]) };
  }
  const rdfKey = Object.keys(doc).find((k) => /(^|:)RDF$/.test(k));
  if (rdfKey) {
    const rdf = doc[rdfKey] as Obj;
    const channel = ([] as Node[]).concat(rdf["channel"] ?? [])[0] as Obj | undefined;
    return { items: ([] as Node[]).concat(rdf["item"] ?? []) as Obj[], title: textOf(channel?.["title"]) };
  }
  const feed = doc["feed"] as Obj | undefined;
  if (feed && typeof feed === "object") return { items: ([] as Node[]).concat(feed["entry"] ?? []) as Obj[], title: contentText(feed["title"], false) };
  return undefined;
}

/**
 * Reads a whole feed (already decoded to text): one article or problem per
 * item, or one BAD_XML problem when the XML is not well formed. With
 * `follow`, items that carry only a summary are read from their linked page.
 * @example for await (const item of readFeed(xml, { file: "world.xml" }, {}, {})) …
 */
export async function* readFeed(source: string, origin: { file: string }, hints: SourceHints, opts: ReadOptions, follow?: FollowLink): AsyncGenerator<IngestItem> {
  const file = origin.file;
  const xml = escapeBareAmpersands(source);
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    yield problem("BAD_XML", file, valid.err.line, `expected a well-formed RSS or Atom feed; the XML parser says: ${valid.err.msg} (column ${valid.err.col})`);
    return;
  }
  let shape: FeedShape | undefined;
  try {
    shape = shapeOf(parser.parse(xml) as Obj);
  } catch (err) {
    yield problem("BAD_XML", file, undefined, `expected a well-formed RSS or Atom feed; the XML parser says: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (!shape) {
    yield problem("UNSUPPORTED", file, undefined, "expected an RSS (<rss>, <rdf:RDF>) or Atom (<feed>) root element; found another XML document");
    return;
  }
  if (shape.items.length === 0) {
    yield problem("EMPTY_FILE", file, undefined, "expected feed items (<item> or <entry>); found a feed with none");
    return;
  }
  const lines = itemLines(xml);
  const outlet = feedOutlet(shape.title);
  for (let i = 0; i < shape.items.length; i++) {
    yield* readItem(shape.items[i], { file, line: lines[i], n: i + 1 }, outlet, hints, opts, follow);
  }
}

async function* readItem(
  o: Obj,
  where: ItemWhere,
  outlet: string | undefined,
  hints: SourceHints,
  opts: ReadOptions,
  follow: FollowLink | undefined,
): AsyncGenerator<IngestItem> {
  const link = itemLink(o, hints.url);
  if (follow && link && /^https?:/i.test(link) && o["content:encoded"] === undefined && o["content"] === undefined) {
    // The linked page is the article; the item's date dates it when the page has none.
    const d = parsePublished(itemDateText(o) ?? "");
    yield* follow(link, { url: link, ...(d.ok ? { fallbackDate: { date: d.date, from: "feed item" } } : {}) });
    return;
  }
  yield itemArticle(o, link, where, outlet, opts);
}

interface ItemWhere {
  file: string;
  line: number | undefined;
  /** 1-based position in the feed, for messages. */
  n: number;
}

function itemDateText(o: Obj): string | undefined {
  return textOf(pick(o, "pubDate", "published", "dc:date", "updated", "dcterms:issued", "dcterms:created", "atom:updated"));
}

/** RSS <source>Name</source> or Atom <source><title>Name</title></source>: the outlet an aggregator took the item from. */
function itemSource(o: Obj): string | undefined {
  const s = o["source"];
  const name = typeof s === "object" && !Array.isArray(s) && s["title"] !== undefined ? textOf(s["title"]) : textOf(s);
  return name?.trim() || undefined;
}

function itemArticle(o: Obj, link: string | undefined, where: ItemWhere, outlet: string | undefined, opts: ReadOptions): IngestItem {
  const guid = textOf(pick(o, "guid", "id", "@_rdf:about"))?.trim();
  const label = `item ${where.n}${guid || link ? ` (${guid ?? link})` : ""}`;
  const at = (code: ProblemCode, message: string) => problem(code, where.file, where.line, `${label}: ${message}`);

  // <content> and <summary> are Atom's (kept raw); content:encoded and <description> are RSS's.
  const text = (o["content:encoded"] !== undefined ? contentText(o["content:encoded"], false) : contentText(o["content"], true))
    ?? (o["description"] !== undefined ? contentText(o["description"], false) : contentText(o["summary"], true))
    ?? "";
  if (text === "") return at("EMPTY_TEXT", "expected article text in content:encoded, content, description or summary; found none");
  const foreign = notEnglish(text, opts);
  if (foreign) return at("NOT_ENGLISH", foreign);
  const max = maxChars(opts);
  if (text.length > max) return at("TOO_LARGE", `the item's text has ${count(text.length)} characters; the limit is ${count(max)} (maxArticleBytes)`);

  const rawDate = itemDateText(o);
  const parsed = rawDate === undefined ? undefined : parsePublished(rawDate);
  let date: string;
  if (parsed?.ok) date = parsed.date;
  else {
    const dateline = datelineDate(text);
    if (dateline) date = dateline.date;
    else if (parsed) return at("BAD_DATE", `${parsed.reason}; found ${found(rawDate)}`);
    else return at("NO_DATE", "expected a date (pubDate, published, updated or dc:date) or a dateline; found none, so the item is not coded rather than dated today");
  }

  const rawTitle = textOf(o["title"]);
  const title = rawTitle === undefined ? undefined : (/[<&]/.test(rawTitle) ? fragmentText(rawTitle) : rawTitle).replace(/\s+/g, " ").trim();
  const source = itemSource(o) ?? outlet ?? hostOutlet(link);
  const article: ArticleInput = {
    id: articleId({ id: guid, url: link, text }),
    ...(link ? { url: link } : {}),
    ...(source ? { source } : {}),
    date,
    ...(title ? { title } : {}),
    text,
    origin: where.line === undefined ? { file: where.file } : { file: where.file, line: where.line },
  };
  return { kind: "article", article };
}
