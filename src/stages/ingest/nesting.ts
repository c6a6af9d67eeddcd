// A cap on how deeply markup nests before it reaches the DOM: the DOM and
// Readability walk trees recursively, so 10,000 nested <div>s overflow the
// stack, and a few thousand already take minutes. Tags nested deeper than the
// cap are dropped (their text stays), in one linear pass over the markup.

/** Deeper than real pages go (they nest a few dozen levels), far below what breaks the parser. */
export const MAX_NESTING = 256;

// Elements that never nest (void) or whose end tag is optional and usually
// left out: counting them would make a long page of unclosed <p>s look deep.
const NOT_NESTING = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rt", "rp",
]);
// Raw-text elements: their content is not markup, so "<div>" in a script is no tag.
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript"]);

const TAG = /<(\/?)([A-Za-z][\w:-]*)(?:"[^"]*"|'[^']*'|[^'">])*>|<!--[\s\S]*?(?:-->|$)/g;

/**
 * `html` with every element nested more than `max` deep left out (its
 * content kept in its parent). Markup within the cap is returned unchanged.
 * @example limitNesting("<div>".repeat(10_000) + "x", 256) // 256 <div>s, then "x"
 */
export function limitNesting(html: string, max = MAX_NESTING): string {
  const open: { name: string; kept: boolean }[] = [];
  let depth = 0; // kept elements open
  let out = "", from = 0, dropped = false;
  const tag = new RegExp(TAG.source, "g");
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = (m[2] ?? "").toLowerCase();
    if (!name || NOT_NESTING.has(name) || m[0].endsWith("/>")) continue;
    let keep: boolean;
    if (m[1] !== "/") {
      if (RAW_TEXT.has(name)) {
        // jump over the raw text to its end tag
        const end = new RegExp(`</${name}`, "gi");
        end.lastIndex = tag.lastIndex;
        tag.lastIndex = end.exec(html)?.index ?? html.length;
        continue;
      }
      keep = depth < max;
      open.push({ name, kept: keep });
      if (keep) depth++;
    } else {
      let i = open.length - 1;
      while (i >= 0 && open[i].name !== name) i--;
      if (i < 0) continue; // a stray end tag: the parser's to handle
      keep = open[i].kept;
      for (const e of open.splice(i)) if (e.kept) depth--;
    }
    if (keep) continue;
    out += html.slice(from, m.index);
    from = m.index + m[0].length;
    dropped = true;
  }
  return dropped ? out + html.slice(from) : html;
}
