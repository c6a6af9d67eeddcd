// A user's own actor file (`dyad extract --actors my-actors.json`): names of
// actors the shipped lexicon lacks, with their country and sector. A file in
// PETRARCH/TABARI format (detected by content) is read too: its CAMEO codes
// become a country (the code's first three letters, where they are a country
// dyad knows, or IGO) and a sector (the agent part: USAGOV → USA, GOV).
//
// For peer test suites only (`dyad eval --suite petrarch2`), a file may also be
// loaded with the suite's own actor codes (PETRARCH's ARN, HGWGOVMED, ELR/GAL),
// which are no ISO codes. That is never open to a user's file: only code that
// builds a coder inside `withSuiteActorCodes` gets it.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { LexiconError } from "./json-file.js";
import {
  isPetrarchActors, isPetrarchAgents, parsePetrActors, parsePetrAgents, PetrDictError, petrSector,
  type PetrActor, type PetrAgent, type PetrReadOptions,
} from "./petrarch-dict.js";
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
  /** For PETRARCH-format files: report a bad line here and skip it, instead of failing (see PetrReadOptions). */
  onProblem?: PetrReadOptions["onProblem"];
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

/** Whether suite actor codes are allowed here (inside withSuiteActorCodes). */
export const suiteCodesAllowed = (): boolean => suiteCodesInScope;

/**
 * Reads and checks a user's actor file; errors name the file, entry and line.
 * @example loadUserActors("my-actors.json") // [{ names: ["Acme Corp"], country: "USA", sector: "BUS" }]
 */
export function loadUserActors(path: string | string[], opts: LoadUserActorsOptions = {}): UserActor[] {
  const suite = opts.suiteCodes ?? suiteCodesInScope;
  return (typeof path === "string" ? [path] : path).flatMap((p) => {
    const petr = readPetrarchActorFile(p, { onProblem: opts.onProblem });
    if (petr) return petrUserActors(petr.actors, suite);
    const schema = suite ? suiteActorsFileSchema : userActorsFileSchema;
    const parsed = loadJsonFile(p, schema) as z.output<typeof userActorsFileSchema>;
    return Array.isArray(parsed) ? parsed : parsed.actors;
  });
}

/** A PETRARCH/TABARI actor or agent file's entries; undefined for a JSON file. Errors name file and line. */
export function readPetrarchActorFile(path: string, opts: PetrReadOptions = {}): { actors: PetrActor[]; agents: PetrAgent[] } | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new LexiconError(`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, path);
  }
  if (!isPetrarchActors(text)) return undefined;
  try {
    return isPetrarchAgents(text) ? { actors: [], agents: parsePetrAgents(text, path, opts) } : { actors: parsePetrActors(text, path, opts), agents: [] };
  } catch (e) {
    if (e instanceof PetrDictError) throw new LexiconError(e.message, path, undefined, e.line);
    throw e;
  }
}

/** "MINAS TIRITH" → "Minas Tirith"; "U.N." stays. */
const displayName = (s: string) => s.toLowerCase().replace(/(^|[\s.-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());

/** The code an undated lexicon takes: the undated block, else the latest dated one. */
function currentCode(a: PetrActor): string | undefined {
  const plain = a.codes.find((c) => !c.from && !c.to);
  if (plain) return plain.code;
  return [...a.codes].sort((x, y) => (x.to ?? "99999999").localeCompare(y.to ?? "99999999")).pop()?.code;
}

/**
 * PETRARCH actors as dyad user actors. A code's first three letters give the
 * country where dyad knows them (IGO… is an organisation); an actor whose code
 * names no country dyad knows is left out, unless suite codes are allowed
 * (then the code itself stands as the country, as the suite scores it).
 */
function petrUserActors(actors: PetrActor[], suiteCodes: boolean): UserActor[] {
  const out: UserActor[] = [];
  for (const a of actors) {
    const code = currentCode(a);
    if (!code || code === "---") continue;
    const names = [...new Set(a.names.map(displayName))].filter((n) => n.length > 1);
    if (!names.length) continue;
    const first = code.split("/")[0];
    const sector = petrSector(first) ?? (/^[A-Z]{3}$/.test(first) ? "GOV" : "OTH");
    if (suiteCodes) {
      if (suiteActorCodeSchema.safeParse(code).success) out.push({ names, country: code, sector });
      continue;
    }
    const country = first.startsWith("IGO") ? "IGO" : first.slice(0, 3);
    if (!actorCountryOrUnknownSchema.safeParse(country).success || country === "---") continue;
    out.push({ names, country, sector: country === "IGO" ? "IGO" : sector });
  }
  return out;
}
