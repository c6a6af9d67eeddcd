// The lexicon: every data file under data/ (countries, IGOs, roles, groups,
// people, the CAMEO codebook), read once and checked against its schema.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCameo, type Cameo } from "./cameo.js";
import { loadCountries, type CountryEntry } from "./countries.js";
import { loadGroups, type GroupEntry } from "./groups.js";
import { loadIgos, type IgoEntry } from "./igos.js";
import { loadPeople, type PersonEntry } from "./people.js";
import { loadRoles, type RoleEntry } from "./roles.js";
import { loadPhoenix, type PhoenixData } from "./phoenix.js";

export { LexiconError } from "./json-file.js";
export { countryName, buildCountries, type CountryEntry } from "./countries.js";
export { knownCountryCodes, SECTORS, PLOV_TYPES } from "./common.js";
export { personOn, type PersonEntry, type PersonPeriod } from "./people.js";
export { loadUserActors, type UserActor } from "./user-actors.js";
export { loadCameo, rootQuad, type Cameo, type CameoCode, type Quad } from "./cameo.js";
export type { IgoEntry } from "./igos.js";
export type { RoleEntry } from "./roles.js";
export type { GroupEntry } from "./groups.js";
export type { PhoenixData, PhoenixAgent } from "./phoenix.js";

export interface Lexicon {
  countries: CountryEntry[];
  /** Phrases that contain a country form but name no actor ("Latin America"): match them to block the form inside. */
  notActorPhrases: string[];
  igos: IgoEntry[];
  roles: RoleEntry[];
  groups: GroupEntry[];
  people: PersonEntry[];
  cameo: Cameo;
  /** Imported Phoenix people, organisations and agent nouns; the hand-written files win over them. */
  phoenix?: PhoenixData;
}

/** The data file names, relative to the data folder. */
export const LEXICON_FILES = {
  countryAliases: "country-aliases.json",
  igos: "igos.json",
  roles: "roles.json",
  groups: "groups.json",
  people: "people.json",
  cameo: "cameo.json",
  phoenixActors: "phoenix-actors.json",
  phoenixAgents: "phoenix-agents.json",
} as const;

/** The package's data/ folder (compiled code lives in dist/lexicon/). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

/**
 * Reads and validates every lexicon file; throws a LexiconError naming the
 * file, the JSON path and the line of the first problem.
 * @example const lex = loadLexicon(); lex.cameo.codes.get("190")?.goldstein // -10
 */
export function loadLexicon(dataDir: string | URL = DEFAULT_DATA_DIR): Lexicon {
  const dir = dataDir instanceof URL ? fileURLToPath(dataDir) : dataDir;
  const f = (name: string) => join(dir, name);
  const { countries, notActorPhrases } = loadCountries(f(LEXICON_FILES.countryAliases));
  return {
    countries,
    notActorPhrases,
    igos: loadIgos(f(LEXICON_FILES.igos)),
    roles: loadRoles(f(LEXICON_FILES.roles)),
    groups: loadGroups(f(LEXICON_FILES.groups)),
    people: loadPeople(f(LEXICON_FILES.people)),
    cameo: loadCameo(f(LEXICON_FILES.cameo)),
    phoenix: loadPhoenix(f(LEXICON_FILES.phoenixActors), f(LEXICON_FILES.phoenixAgents)),
  };
}
