// HTML → article text. Page clutter (navigation, ads, share bars, comment
// threads, newsletter boxes) is cut from the DOM before Readability scores it,
// and the chosen content is turned into text with one paragraph per block and
// a blank line between paragraphs: the coder finds datelines by line.

/** The small part of the DOM this module uses (linkedom's nodes have it). */
export interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

const ELEMENT = 1;
const TEXT = 3;

/** Never text: code, media, form controls, and figures (a photo caption carries its own, older, date). */
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
  "picture", "img", "button", "select", "option", "input", "textarea", "figure", "figcaption", "head", "title",
]);

const BLOCKS = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre", "address",
  "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
  "caption", "form", "fieldset", "details", "summary", "hr", "body", "html",
]);

// Class and id tokens of page furniture. Whole tokens only, so "shareholders"
// or "comment-analysis" (an opinion column) are not matched.
const CLUTTER_TOKEN = new RegExp(
  "^(?:" + [
    "share", "sharing", "share[-_]?(?:bar|buttons?|tools|links|bottom|top)", "social(?:[-_]?(?:share|links|media|bar|icons))?",
    "addthis\\w*", "sharethis\\w*", "comments?", "comment[-_]?(?:list|form|section|thread|area|s[-_]area|count)",
    "disqus(?:_thread)?", "respond", "ads?", "ad[-_]\\w+", "advert\\w*", "dfp\\w*", "sponsor(?:ed)?\\w*", "promo\\w*",
    "newsletter\\w*", "subscribe\\w*", "signup", "cookie\\w*", "consent\\w*", "gdpr\\w*", "related(?:[-_]\\w+)?",
    "recommended\\w*", "more[-_]stories", "read[-_]?more", "outbrain\\w*", "taboola\\w*", "breadcrumbs?", "ticker",
    "paywall\\w*", "popup", "modal", "skip[-_]?link", "site[-_]?(?:header|footer|nav\\w*)", "tags", "tag[-_]?list",
  ].join("|") + ")$",
  "i",
);

const CLUTTER_SELECTORS = [
  "script", "style", "noscript", "template", "iframe", "svg", "nav", "aside", "footer", "[role=navigation]",
  "[role=complementary]", "[role=contentinfo]", "[role=banner]", "[aria-hidden=true]", "[hidden]",
  "[itemtype*=Comment]", "[itemprop=comment]",
];

/** Holds the story itself (or its headline): never cut, whatever its class says. */
function holdsStory(el: DomElement): boolean {
  const name = el.localName;
  if (name === "html" || name === "body" || name === "main" || name === "article") return true;
  return el.querySelector("article, main, [itemprop=articleBody], h1") !== null;
}

function isClutter(el: DomElement): boolean {
  const tokens = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/);
  return tokens.some((t) => t !== "" && CLUTTER_TOKEN.test(t));
}

/**
 * Removes page furniture from a document (or fragment) in place. Readability
 * alone keeps inline ad slots ("Advertisement") and share bars that sit
 * inside the story's container.
 */
export function stripClutter(root: DomElement): void {
  for (const el of Array.from(root.querySelectorAll(CLUTTER_SELECTORS.join(", ")))) {
    if (!holdsStory(el)) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll("[class], [id]"))) {
    if (isClutter(el) && !holdsStory(el)) el.remove();
  }
}

// Lines that are furniture even inside the story: ad labels, share prompts,
// "Read more:" teasers for other stories (which would be coded as this
// article's events), newsletter prompts and copyright notices.
const SOCIAL = "(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram|email|e-mail|print|copy link|pinterest|messenger|share|tweet)";
const BOILERPLATE = [
  /^advertisement$/i,
  /^(?:story|article) continues below(?: (?:this )?advertisement)?\.?$/i,
  /^(?:scroll|continue reading) (?:down )?(?:to|below)/i,
  /^sponsored(?: content)?$/i,
  new RegExp(`^(?:share(?: this)?(?: article| story| page)?(?: on)?:?|${SOCIAL})(?:[\\s:|·•,/]+${SOCIAL})*[\\s:|·•,/]*$`, "i"),
  /^(?:read more|also read|read also|related|see also|recommended|more on this story|watch)\s*:/i,
  /^(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|briefing|inbox|updates)/i,
  /^follow (?:us|\S+) on\b/i,
  /^(?:©|\(c\)|copyright\b)/i,
  /^(?:tags|topics|filed under)\s*:/i,
  /^the post .{1,300} appeared first on .{1,120}$/i, // WordPress feed footer
];
const BOILERPLATE_MAX_CHARS = 400;

function isBoilerplate(p: string): boolean {
  return p.length <= BOILERPLATE_MAX_CHARS && BOILERPLATE.some((re) => re.test(p));
}

// A byline or a bare date line above the story ("By Southern Desk · 27 June
// 2024", "Published: 11 June 2024 10:05"): short, no sentence, and first.
const BYLINE = /^(?:by\s+\p{Lu}|(?:published|posted|updated|last updated)\b)/iu;
const BYLINE_MAX_CHARS = 100;
const LEAD_PARAGRAPHS = 3;

/**
 * The text without byline and date-only paragraphs among its first few.
 * The caller reads a date from the untrimmed text first.
 * @example dropBylines("By Amina Wekesa\n\nNAIROBI - …") // "NAIROBI - …"
 */
export function dropBylines(text: string, isDateLine: (p: string) => boolean): string {
  const paras = text.split("\n\n");
  let cut = 0;
  while (cut < Math.min(LEAD_PARAGRAPHS, paras.length - 1)) {
    const p = paras[cut];
    const short = p.length <= BYLINE_MAX_CHARS && !/[.!?]["”’]?$/.test(p);
    if (!(short && (BYLINE.test(p) || isDateLine(p)))) break;
    cut++;
  }
  return paras.slice(cut).join("\n\n");
}

/** A paragraph this much inside links is a teaser or a list of other stories. */
const MAX_LINK_SHARE = 0.8;

interface Paragraph {
  text: string;
  linkChars: number;
}

function isHidden(el: DomElement): boolean {
  if (el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") return true;
  const style = el.getAttribute("style");
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * The text of a DOM subtree: one paragraph per block element, a blank line
 * between paragraphs, a line break for `<br>`, whitespace collapsed, and
 * furniture paragraphs (see {@link isBoilerplate}, link-only teasers) left out.
 * @example htmlToText(readabilityContent) // "NAIROBI, June 11 - …\n\nThe two ministers …"
 */
export function htmlToText(root: DomNode): string {
  const paragraphs: Paragraph[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  const flush = () => {
    const text = parts.join("").split("\n").map((l) => l.replace(/[ \t\f\v\u00a0]+/g, " ").trim()).filter((l) => l !== "").join("\n");
    if (text !== "") paragraphs.push({ text, linkChars });
    parts = [];
    linkChars = 0;
  };
  const walk = (node: DomNode, inLink: boolean) => {
    if (node.nodeType === TEXT) {
      const s = (node.textContent ?? "").replace(/\s+/g, " ");
      parts.push(s);
      if (inLink) linkChars += s.trim().length;
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const el = node as DomElement;
    const name = el.localName?.toLowerCase() ?? "";
    if (SKIPPED.has(name) || isHidden(el)) return;
    if (name === "br") {
      parts.push("\n");
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    const link = inLink || name === "a";
    const kids = el.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i], link);
    // A table row is one paragraph; its cells need a space between them.
    if (name === "td" || name === "th") parts.push(" ");
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs
    .filter((p) => !isBoilerplate(p.text) && p.linkChars / p.text.length < MAX_LINK_SHARE)
    .map((p) => p.text)
    .join("\n\n");
}
