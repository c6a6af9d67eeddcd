// CoNLL-U reading and writing. Only syntactic words count: multiword-token
// ranges ("3-4") and empty nodes ("8.1") are skipped, since the parser works on
// words and the enhanced graph is out of scope.

export interface ConlluSentence {
  /** Word forms, in order. */
  words: string[];
  upos: string[];
  /** Head per word, 0-based; -1 for the root. */
  heads: number[];
  /** UD relation per word, subtypes kept ("nsubj:pass"). */
  deps: string[];
  /** The "# text =" comment, where given. */
  text?: string;
  sentId?: string;
}

/** Reads every sentence of a CoNLL-U file; throws naming the line on a malformed word line. */
export function readConllu(text: string, file = "<conllu>"): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { words: [], upos: [], heads: [], deps: [] };
  const lines = text.split("\n");
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln].replace(/\r$/, "");
    if (line === "") {
      if (cur.words.length) out.push(cur);
      cur = { words: [], upos: [], heads: [], deps: [] };
      continue;
    }
    if (line.startsWith("#")) {
      const m = /^#\s*(text|sent_id)\s*=\s*(.*)$/.exec(line);
      if (m) { if (m[1] === "text") cur.text = m[2]; else cur.sentId = m[2]; }
      continue;
    }
    const cols = line.split("\t");
    if (cols.length !== 10) throw new Error(`${file}:${ln + 1}: expected 10 tab-separated columns, got ${cols.length}`);
    const id = cols[0];
    if (id.includes("-") || id.includes(".")) continue;
    if (Number(id) !== cur.words.length + 1) throw new Error(`${file}:${ln + 1}: word id ${id} out of sequence`);
    const head = cols[6] === "_" ? 0 : Number(cols[6]);
    if (!Number.isInteger(head)) throw new Error(`${file}:${ln + 1}: bad head "${cols[6]}"`);
    cur.words.push(cols[1]);
    cur.upos.push(cols[3]);
    cur.heads.push(head - 1);
    cur.deps.push(cols[7]);
  }
  if (cur.words.length) out.push(cur);
  return out;
}

/** One sentence as CoNLL-U (10 columns; lemma, XPOS, features, enhanced deps left "_"). */
export function writeConllu(s: { words: string[]; upos: string[]; heads: number[]; deps: string[]; text?: string; sentId?: string; misc?: string[] }): string {
  let o = "";
  if (s.sentId !== undefined) o += `# sent_id = ${s.sentId}\n`;
  if (s.text !== undefined) o += `# text = ${s.text.replace(/\s+/g, " ")}\n`;
  for (let i = 0; i < s.words.length; i++) {
    o += `${i + 1}\t${s.words[i]}\t_\t${s.upos[i]}\t_\t_\t${s.heads[i] + 1}\t${s.deps[i]}\t_\t${s.misc?.[i] ?? "_"}\n`;
  }
  return o + "\n";
}
