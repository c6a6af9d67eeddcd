// A user's own actor file (`dyad extract --actors my-actors.json`): names of
// actors the shipped lexicon lacks, with their country and sector.
//
// For peer test suites only (`dyad eval --suite petrarch2`), a file may also be
// loaded with the suite's own actor codes (PETRARCH's ARN, HGWGOVMED, ELR/GAL),
// which are no ISO codes. That is never open to a user's file: only code that
// builds a coder inside `withSuiteActorCodes` gets it.
import { z } from "zod";
import { actorCountryOrUnknownSchema, checkCaseSensitive, note, sectorSchema, surfaceForm } from "./common.js";
import { loadJsonFile } from "./json-file.js";

/** A test suite's own actor code: capitals, digits, #, + or -, several joined by "/" (ELR/GAL). */
export const suiteActorCodeSchema = z
  .string()
  .regex(/^[A-Z0-9#+-]{2,16}(\/[A-Z0-9#+-]{2,16})*$/, "expected a suite actor code (capitals, digits, #, + or -; several joined by /)");

function actorSchema(country: z.ZodType<string>) {
  return z
    .strictObject({
      names: z.array(surfaceForm).min(1),
      /** ISO3 code known to world-countries (XKX for Kosovo), IGO, or ---. */
      country,
      sector: sectorSchema,
      caseSensitive: z.array(z.string()).optional(),
      note,
    })
    .superRefine((e, ctx) => checkCaseSensitive(e.names, e.caseSensitive, ctx));
}

function fileSchema<T extends z.ZodType>(actor: T) {
  /** A bare array of actors, or `{ "actors": [...] }` (optionally with version and description). */
  return z.union([
    z.array(actor),
    z.strictObject({ version: z.literal(1).optional(), description: z.string().optional(), actors: z.array(actor) }),
  ]);
}

export const userActorSchema = actorSchema(actorCountryOrUnknownSchema);

/** A bare array of actors, or `{ "actors": [...] }` (optionally with version and description). */
export const userActorsFileSchema = fileSchema(userActorSchema);

/** As userActorsFileSchema, also allowing a suite's own actor codes (never for a user's file). */
const suiteActorsFileSchema = fileSchema(actorSchema(z.union([actorCountryOrUnknownSchema, suiteActorCodeSchema])));

export type UserActor = z.output<typeof userActorSchema>;

export interface LoadUserActorsOptions {
  /** Also accept a test suite's own actor codes (see suiteActorCodeSchema). Off by default. */
  suiteCodes?: boolean;
}

let suiteCodesInScope = false;

/**
 * Runs `fn` (synchronously) with suite actor codes allowed in the actor files
 * it loads, e.g. `withSuiteActorCodes(() => createCoder({ actorsFile }))`.
 * Outside it, actor files are checked strictly as always.
 */
export function withSuiteActorCodes<T>(fn: () => T): T {
  const before = suiteCodesInScope;
  suiteCodesInScope = true;
  try {
    return fn();
  } finally {
    suiteCodesInScope = before;
  }
}

/**
 * Reads and checks a user's actor file; errors name the file, entry and line.
 * @example loadUserActors("my-actors.json") // [{ names: ["Acme Corp"], country: "USA", sector: "BUS" }]
 */
export function loadUserActors(path: string, opts: LoadUserActorsOptions = {}): UserActor[] {
  const schema = (opts.suiteCodes ?? suiteCodesInScope) ? suiteActorsFileSchema : userActorsFileSchema;
  const parsed = loadJsonFile(path, schema) as z.output<typeof userActorsFileSchema>;
  return Array.isArray(parsed) ? parsed : parsed.actors;
}
