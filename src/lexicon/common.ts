// Schema pieces shared by the data files: the sector and PLOVER type lists,
// the versioned file header, and the set of actor country codes.
import { createRequire } from "node:module";
import { z } from "zod";
import type { PlovType, Sector } from "../doc/types.js";

export const SECTORS = [
  "GOV", "MIL", "LEG", "JUD", "POL", "OPP", "PTY", "REB", "BUS", "MED",
  "NGO", "CIV", "REL", "EDU", "HLH", "IGO", "OTH",
] as const satisfies readonly Sector[];

export const PLOV_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
  "MOBILIZE", "COERCE", "ASSAULT",
] as const satisfies readonly PlovType[];

// Compile-time checks that the lists above cover the types in doc/types.ts.
type Missing<T, L extends readonly unknown[]> = Exclude<T, L[number]>;
const sectorsComplete: Missing<Sector, typeof SECTORS> extends never ? true : false = true;
const typesComplete: Missing<PlovType, typeof PLOV_TYPES> extends never ? true : false = true;
void sectorsComplete;
void typesComplete;

export const sectorSchema = z.enum(SECTORS);
export const plovTypeSchema = z.enum(PLOV_TYPES);

/** Every data file starts with a version and a description. */
export const header = {
  version: z.literal(1),
  description: z.string().min(1),
};

/** A free-text remark allowed on any entry; ignored by the coder. */
export const note = z.string().optional();

/** A non-empty surface form with no leading or trailing space. */
export const surfaceForm = z.string().min(1).refine((s) => s.trim() === s, "has leading or trailing spaces");

interface WorldCountry {
  cca3: string;
}

const requireJson = createRequire(import.meta.url);

/** world-countries codes that differ from the ones dyad uses (Kosovo). */
export const CODE_OVERRIDES: Readonly<Record<string, string>> = { UNK: "XKX" };

let known: Set<string> | undefined;

/** ISO3 codes of every country and territory world-countries knows (Kosovo as XKX). */
export function knownCountryCodes(): ReadonlySet<string> {
  if (!known) {
    const list = requireJson("world-countries/countries.json") as WorldCountry[];
    known = new Set(list.map((c) => CODE_OVERRIDES[c.cca3] ?? c.cca3));
  }
  return known;
}

/** An actor country: an ISO3 code known to world-countries, or IGO. */
export const actorCountrySchema = z.string().refine((c) => c === "IGO" || knownCountryCodes().has(c), {
  message: "expected an ISO 3166-1 alpha-3 code known to world-countries (or IGO)",
});

/** As actorCountrySchema, also allowing "---" (not said). */
export const actorCountryOrUnknownSchema = z.string().refine((c) => c === "IGO" || c === "---" || knownCountryCodes().has(c), {
  message: "expected an ISO 3166-1 alpha-3 code known to world-countries, IGO or ---",
});

/** A date YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

/** Adds an issue for each caseSensitive form that is not one of the entry's forms. */
export function checkCaseSensitive(forms: readonly string[], caseSensitive: readonly string[] | undefined, ctx: z.RefinementCtx): void {
  caseSensitive?.forEach((f, i) => {
    if (!forms.includes(f)) ctx.addIssue({ code: "custom", path: ["caseSensitive", i], message: `"${f}" is not one of this entry's names` });
  });
}
