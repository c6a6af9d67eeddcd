// Reading, coding and storing joined up: articles already in the store are
// skipped before they are coded, coded articles are written in batches, one
// transaction each, so a run that is killed keeps every batch it committed
// and a re-run codes only what is missing.
import type { ArticleInput, InputProblem } from "../doc/types.js";
import { identityUrl, normalisedTextHash, toStoredArticle } from "../store/article-record.js";
import type { ArticleKey, CodedArticle, EventStore, MergeOptions, StoredArticle, StoredMatch } from "../store/types.js";
import type { IngestItem } from "../stages/ingest/index.js";
import type { Coder } from "./coder.js";
import { codeArticles } from "./pool.js";

export interface IngestOptions {
  workers: number;
  /** A coder already loaded, to code in process (see PoolOptions.coder). */
  coder?: Coder;
  actorsFile?: string | string[];
  /** A user's verb file (dyad's JSON or PETRARCH format). */
  verbsFile?: string;
  /** Skip bad lines of PETRARCH-format dictionaries (reported by the CLI first). */
  skipBadDictionaryEntries?: boolean;
  merge: MergeOptions;
  /** Articles per transaction (default 200). */
  batchSize?: number;
  /** A batch is also written after this long, so progress is kept on slow input (default 2000 ms). */
  flushMs?: number;
  onProblem?: (p: InputProblem) => void;
  onCoderError?: (a: ArticleInput, message: string) => void;
  /** An article stored before under the same id with another text is replaced (a watched file was edited). */
  replaceEdited?: boolean;
  /** Called after each batch is written. */
  onProgress?: (s: IngestStats) => void;
}

export interface IngestStats {
  /** Articles read from the input. */
  read: number;
  /** Articles skipped because the same id, url or text was stored already (by an earlier run or earlier in this one). */
  alreadyStored: number;
  /**
   * Of those, how each was recognised before coding: the same id, the same
   * text, or (for a record without an id of its own) the same url, as an
   * article stored before or read earlier in this input. The rest were found
   * only when written (another writer stored them meanwhile).
   */
  alreadyStoredBy: Record<StoredMatch, number>;
  /** Articles coded and stored by this run. */
  stored: number;
  /** Articles stored as another outlet's copy of a stored story (syndicated), not coded again. */
  copies: number;
  /** Stored articles replaced by an edited text under the same id. */
  replaced: number;
  /** Events created, and reports merged into events already stored. */
  newEvents: number;
  mergedMentions: number;
  /** Input records that could not be read, and articles the coder failed on. */
  problems: number;
  failed: number;
}

export function emptyStats(): IngestStats {
  return { read: 0, alreadyStored: 0, alreadyStoredBy: { id: 0, text: 0, url: 0 }, stored: 0, copies: 0, replaced: 0, newEvents: 0, mergedMentions: 0, problems: 0, failed: 0 };
}

/**
 * Codes and stores every article of `items` that the store does not hold yet.
 * @example await ingestArticles(store, readInputs(["feed.jsonl"], {}), { workers: 2, merge: DEFAULT_MERGE })
 */
export async function ingestArticles(store: EventStore, items: AsyncIterable<IngestItem>, opts: IngestOptions): Promise<IngestStats> {
  const stats = emptyStats();
  const batchSize = opts.batchSize ?? 200, flushMs = opts.flushMs ?? 2000;

  // syndicated copies of stored stories skip the coder and go straight to the next batch
  let copies: CodedArticle[] = [];
  const prepared = new WeakMap<ArticleInput, CodedArticle["article"]>();
  // articles read but not written yet, by key: a repeat within the input is
  // then recognised (and reported) the way a stored article is
  const pending = new Set<string>();
  const keysOf = (k: ArticleKey) => { const url = identityUrl(k); return [`id:${k.id}`, `text:${k.textHash}`, ...(url ? [`url:${url}`] : [])]; };
  const pendingMatch = (k: ArticleKey): StoredMatch | undefined => {
    const url = identityUrl(k);
    if (pending.has(`id:${k.id}`)) return url ? "url" : "id";
    if (pending.has(`text:${k.textHash}`)) return "text";
    return url && pending.has(`url:${url}`) ? "url" : undefined;
  };
  const settle = (k: ArticleKey) => { for (const key of keysOf(k)) pending.delete(key); };
  async function* fresh(): AsyncGenerator<ArticleInput> {
    for await (const item of items) {
      if (item.kind === "problem") { stats.problems++; opts.onProblem?.(item.problem); continue; }
      stats.read++;
      const a = item.article;
      const textHash = normalisedTextHash(a.text);
      if (opts.replaceEdited) {
        const before = await store.textHashOf(a.id);
        if (before !== undefined && before !== textHash) { await store.removeArticle(a.id); stats.replaced++; }
      }
      const key = { id: a.id, url: a.url, textHash };
      const match = pendingMatch(key) ?? (await store.hasArticle(key));
      if (match) { stats.alreadyStored++; stats.alreadyStoredBy[match]++; continue; }
      for (const k of keysOf(key)) pending.add(k);
      const stored = toStoredArticle(a);
      if (stored.signature && (await store.findCopyOf(stored.signature, opts.merge.copySimilarity))) {
        copies.push({ article: stored, events: [] });
        if (copies.length >= batchSize) await flush();
        continue;
      }
      prepared.set(a, stored);
      yield a;
    }
  }

  let batch: CodedArticle[] = [];
  let lastFlush = Date.now();
  const flush = async () => {
    if (!batch.length && !copies.length) return;
    // taken before awaiting: the reader may queue more copies meanwhile
    const todo = [...copies, ...batch];
    batch = []; copies = [];
    for (const { article } of todo) settle(article);
    const r = await store.addArticles(todo, opts.merge);
    lastFlush = Date.now();
    stats.stored += r.stored; stats.alreadyStored += r.duplicates; stats.copies += r.copies;
    stats.newEvents += r.newEvents; stats.mergedMentions += r.mergedMentions;
    opts.onProgress?.(stats);
  };
  for await (const r of codeArticles(fresh(), { workers: opts.workers, actorsFile: opts.actorsFile, verbsFile: opts.verbsFile, skipBadDictionaryEntries: opts.skipBadDictionaryEntries, coder: opts.coder })) {
    if ("error" in r) { stats.failed++; settle({ ...r.article, textHash: normalisedTextHash(r.article.text) }); opts.onCoderError?.(r.article, r.error); continue; }
    batch.push({ article: prepared.get(r.article) ?? toStoredArticle(r.article), events: r.events });
    if (batch.length >= batchSize || Date.now() - lastFlush >= flushMs) await flush();
  }
  await flush();
  return stats;
}

/**
 * Codes every stored article again with the current coder, replacing all
 * events in one transaction. An article the coder fails on aborts the whole
 * recode and the old events stay.
 */
export async function recodeStore(store: EventStore, opts: Omit<IngestOptions, "onProblem">): Promise<IngestStats> {
  const stats = emptyStats();
  async function* code(articles: AsyncIterable<StoredArticle>): AsyncGenerator<CodedArticle> {
    async function* inputs(): AsyncGenerator<ArticleInput> {
      for await (const a of articles) {
        stats.read++;
        yield { id: a.id, date: a.date, text: a.text, ...(a.url ? { url: a.url } : {}), ...(a.title ? { title: a.title } : {}) };
      }
    }
    for await (const r of codeArticles(inputs(), { workers: opts.workers, actorsFile: opts.actorsFile, verbsFile: opts.verbsFile, skipBadDictionaryEntries: opts.skipBadDictionaryEntries })) {
      if ("error" in r) throw new Error(`recoding article ${r.article.id} failed (${r.error}); nothing was changed`);
      stats.stored++;
      if (stats.stored % (opts.batchSize ?? 200) === 0) opts.onProgress?.(stats);
      const stored = toStoredArticle(r.article);
      yield { article: stored, events: r.events };
    }
  }
  const r = await store.recode(code, opts.merge);
  stats.newEvents = r.newEvents; stats.mergedMentions = r.mergedMentions;
  opts.onProgress?.(stats);
  return stats;
}
