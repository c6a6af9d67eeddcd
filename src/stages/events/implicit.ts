// Implicit agents: a passive that names no doer ("ten people are arrested in
// Russia") still reports an act that only the state does; its doer is the
// authority of the country where it happens. Which predicates, and which
// authority, is data (data/implicit-agents.json).
import { z } from "zod";
import type { Actor, Sector } from "../../doc/types.js";
import { header, sectorSchema } from "../../lexicon/common.js";
import { loadJsonFile } from "../../lexicon/json-file.js";

const FileSchema = z.object({
  ...header,
  agents: z.array(z.object({
    lemmas: z.array(z.string().min(1)).min(1),
    sector: sectorSchema,
    text: z.string().min(1),
  }).strict()),
}).strict();

export interface ImplicitAgents {
  /** Lemma of the predicate (first word) → the authority's sector and how to name it. */
  byLemma: Map<string, { sector: Sector; text: string }>;
}

export function loadImplicitAgents(file: string): ImplicitAgents {
  const data = loadJsonFile(file, FileSchema);
  const byLemma = new Map<string, { sector: Sector; text: string }>();
  for (const a of data.agents) for (const l of a.lemmas) byLemma.set(l.split(" ")[0], { sector: a.sector as Sector, text: a.text });
  return { byLemma };
}

/** The authority that did a passive state act at `lemma`, in the country where it happened. */
export function implicitAgent(agents: ImplicitAgents, lemma: string, country: string | undefined): Actor | undefined {
  const a = agents.byLemma.get(lemma);
  if (!a || !country || country === "---" || country === "IGO") return undefined;
  return { text: a.text, country, sector: a.sector };
}
