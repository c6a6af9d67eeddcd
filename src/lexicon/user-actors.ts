// A user's own actor file (`dyad extract --actors my-actors.json`): names of
// actors the shipped lexicon lacks, with their country and sector.
import { z } from "zod";
import { actorCountryOrUnknownSchema, checkCaseSensitive, note, sectorSchema, surfaceForm } from "./common.js";
import { loadJsonFile } from "./json-file.js";

export const userActorSchema = z
  .strictObject({
    names: z.array(surfaceForm).min(1),
    /** ISO3 code known to world-countries (XKX for Kosovo), IGO, or ---. */
    country: actorCountryOrUnknownSchema,
    sector: sectorSchema,
    caseSensitive: z.array(z.string()).optional(),
    note,
  })
  .superRefine((e, ctx) => checkCaseSensitive(e.names, e.caseSensitive, ctx));

/** A bare array of actors, or `{ "actors": [...] }` (optionally with version and description). */
export const userActorsFileSchema = z.union([
  z.array(userActorSchema),
  z.strictObject({ version: z.literal(1).optional(), description: z.string().optional(), actors: z.array(userActorSchema) }),
]);

export type UserActor = z.output<typeof userActorSchema>;

/**
 * Reads and checks a user's actor file; errors name the file, entry and line.
 * @example loadUserActors("my-actors.json") // [{ names: ["Acme Corp"], country: "USA", sector: "BUS" }]
 */
export function loadUserActors(path: string): UserActor[] {
  const parsed = loadJsonFile(path, userActorsFileSchema);
  return Array.isArray(parsed) ? parsed : parsed.actors;
}
