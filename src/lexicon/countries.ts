// Country surface forms: the npm package world-countries (names, official
// names, alternative spellings, demonyms, capitals) merged with
// data/country-aliases.json, which adds the forms news uses and the package
// lacks (U.S., Britain, Tehran as a metonym, Emirati) and lists the package's
// spellings that are ordinary words ("Island", "Mann") so they are dropped.
import { createRequire } from "node:module";
import { z } from "zod";
import { CODE_OVERRIDES, header, knownCountryCodes, note, surfaceForm } from "./common.js";
import { loadJsonFile } from "./json-file.js";

export interface CountryEntry {
  /** ISO 3166-1 alpha-3 (XKX for Kosovo). */
  country: string;
  /** Display name ("United States"); also names[0]. */
  name: string;
  /** Names of the country: "United States", "U.S.", "America" … */
  names: string[];
  /** Adjectives and nouns for its people and state: "American", "Americans". */
  demonyms: string[];
  /** Capitals and seats of government used for the government: "Washington". */
  capitals: string[];
  /** First-level regions (states, provinces) that place an actor in the country: "Texas", "Borno State". */
  regions: string[];
  /** Forms matched only in exactly this case ("US", "Turkey"). */
  caseSensitive: Set<string>;
}

const countryCodeSchema = z.string().refine((c) => knownCountryCodes().has(c), {
  message: "expected an ISO 3166-1 alpha-3 code known to world-countries",
});

export const countryAliasSchema = z
  .strictObject({
    country: countryCodeSchema,
    names: z.array(surfaceForm).optional(),
    demonyms: z.array(surfaceForm).optional(),
    capitals: z.array(surfaceForm).optional(),
    /** States and provinces news names alone ("Texas", "Borno State", "Idlib"); only names no other country or person shares. */
    regions: z.array(surfaceForm).optional(),
    caseSensitive: z.array(z.string()).optional(),
    note,
  })
  .superRefine((e, ctx) => {
    const all = [...(e.names ?? []), ...(e.demonyms ?? []), ...(e.capitals ?? []), ...(e.regions ?? [])];
    e.caseSensitive?.forEach((f, i) => {
      if (!all.includes(f)) ctx.addIssue({ code: "custom", path: ["caseSensitive", i], message: `"${f}" is not one of this entry's names, demonyms or capitals` });
    });
  });

export const countryAliasesFileSchema = z
  .strictObject({
    ...header,
    countries: z.array(countryAliasSchema),
    /** world-countries spellings never to be read as a country (compared case-insensitively). */
    notCountryWords: z.array(z.string().min(1)),
    /** Phrases holding a country form that name no actor ("Latin America", "South China Sea"). */
    notActorPhrases: z.array(surfaceForm).optional(),
  })
  .superRefine((f, ctx) => {
    const seenCountry = new Map<string, number>();
    const seenForm = new Map<string, string>();
    f.countries.forEach((e, i) => {
      if (seenCountry.has(e.country)) ctx.addIssue({ code: "custom", path: ["countries", i, "country"], message: `"${e.country}" is also countries[${seenCountry.get(e.country)}]` });
      seenCountry.set(e.country, i);
      for (const kind of ["names", "demonyms", "capitals", "regions"] as const) {
        e[kind]?.forEach((form, j) => {
          const key = e.caseSensitive?.includes(form) ? form : form.toLowerCase();
          const other = seenForm.get(key);
          if (other !== undefined && other !== e.country) ctx.addIssue({ code: "custom", path: ["countries", i, kind, j], message: `"${form}" is also given for ${other}` });
          seenForm.set(key, e.country);
        });
      }
    });
  });

export type CountryAliasesFile = z.output<typeof countryAliasesFileSchema>;

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  independent?: boolean | null;
  unMember?: boolean;
  demonyms?: { eng?: { m?: string; f?: string } };
}

const requireJson = createRequire(import.meta.url);
let worldCache: WorldCountry[] | undefined;
function world(): WorldCountry[] {
  return (worldCache ??= requireJson("world-countries/countries.json") as WorldCountry[]);
}

const NON_LATIN = /[^\p{Script=Latin}\p{P}\p{Zs}\p{N}\p{M}'’ʻ`-]/u;
const ACRONYM = /^(?:[A-Z]\.?){2,5}$/;

/** Plural of a demonym used as a noun: Pakistani → Pakistanis; Chinese, Swiss, British stay. */
export function demonymPlural(d: string): string | undefined {
  if (!/[a-z]$/.test(d) || /(ese|ss|sh|ch|s|x|z)$/.test(d)) return undefined;
  if (/[^aeiou]y$/.test(d)) return undefined; // Malagasy
  if (/man$/.test(d)) return d.slice(0, -3) + "men";
  return d + "s";
}

function rank(c: WorldCountry): number {
  return c.unMember ? 2 : c.independent ? 1 : 0;
}

/**
 * Builds the country list from world-countries and the alias file.
 * @example buildCountries(aliases).find((c) => c.country === "USA")!.names.includes("U.S.") // true
 */
export function buildCountries(aliases: CountryAliasesFile): CountryEntry[] {
  const banned = new Set(aliases.notCountryWords.map((w) => w.toLowerCase()));
  const claimed = new Map<string, string>(); // lower-cased alias form → country
  for (const a of aliases.countries) {
    for (const f of [...(a.names ?? []), ...(a.demonyms ?? []), ...(a.capitals ?? []), ...(a.regions ?? [])]) {
      if (!a.caseSensitive?.includes(f)) claimed.set(f.toLowerCase(), a.country);
    }
  }
  // package forms worth matching: no 2-letter codes, no other scripts, no
  // inverted ISO names ("Iran, Islamic Republic of"), nothing listed as a word
  const keep = (f: string | undefined): f is string =>
    !!f && f.length > 2 && !/^[A-Z]{2}$/.test(f) && !NON_LATIN.test(f) && !f.includes(",") && !banned.has(f.toLowerCase());

  // forms from the package, per country
  type Forms = { names: string[]; demonyms: string[]; capitals: string[] };
  const fromPackage = new Map<string, Forms & { rank: number; display: string }>();
  for (const c of world()) {
    const iso = CODE_OVERRIDES[c.cca3] ?? c.cca3;
    const dem = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].flatMap((d) => (d ? d.split(/,\s*|\s+or\s+/) : []));
    fromPackage.set(iso, {
      display: c.name.common,
      rank: rank(c),
      names: [c.name.common, c.name.official, ...c.altSpellings].filter(keep),
      demonyms: dem.filter(keep),
      capitals: (c.capital ?? []).filter(keep),
    });
  }
  // a package form shared by several countries goes to the best-ranked one
  // (UN member, then independent); a tie drops it, unless the alias file claims it
  const owners = new Map<string, Set<string>>();
  for (const [iso, f] of fromPackage) {
    for (const form of [...f.names, ...f.demonyms, ...f.capitals]) {
      const k = form.toLowerCase();
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)!.add(iso);
    }
  }
  const ownerOf = (form: string): string | undefined => {
    const k = form.toLowerCase();
    if (claimed.has(k)) return claimed.get(k);
    const isos = [...(owners.get(k) ?? [])];
    if (isos.length === 1) return isos[0];
    const best = Math.max(...isos.map((i) => fromPackage.get(i)!.rank));
    const top = isos.filter((i) => fromPackage.get(i)!.rank === best);
    return top.length === 1 ? top[0] : undefined;
  };

  const out: CountryEntry[] = [];
  const aliasBy = new Map(aliases.countries.map((a) => [a.country, a]));
  for (const [iso, f] of fromPackage) {
    const a = aliasBy.get(iso);
    const mine = (forms: string[]) => forms.filter((x) => ownerOf(x) === iso);
    const uniq = (xs: string[]) => [...new Map(xs.map((x) => [x, x])).values()];
    // a package name the alias file gives as a demonym ("Thai", "Saudi") is a demonym only
    const aliasDemonyms = new Set((a?.demonyms ?? []).map((d) => d.toLowerCase()));
    const names = uniq([f.display, ...mine(f.names).filter((n) => !aliasDemonyms.has(n.toLowerCase())), ...(a?.names ?? [])]);
    const demonymsBase = uniq([...mine(f.demonyms), ...(a?.demonyms ?? [])]);
    const nameSet = new Set(names.map((n) => n.toLowerCase()));
    const plurals = demonymsBase
      .map(demonymPlural)
      .filter((p): p is string => !!p && !demonymsBase.includes(p) && !nameSet.has(p.toLowerCase()) && !banned.has(p.toLowerCase()) && !claimed.has(p.toLowerCase()));
    const demonyms = uniq([...demonymsBase, ...plurals]);
    const capitals = uniq([...mine(f.capitals), ...(a?.capitals ?? [])]);
    const caseSensitive = new Set<string>(a?.caseSensitive ?? []);
    for (const form of [...names, ...demonyms, ...capitals]) if (ACRONYM.test(form)) caseSensitive.add(form);
    out.push({ country: iso, name: f.display, names, demonyms, capitals, regions: a?.regions ?? [], caseSensitive });
  }
  return out.sort((x, y) => x.country.localeCompare(y.country));
}

/** The country list and the phrases that must not be read as actors. */
export function loadCountries(aliasFile: string): { countries: CountryEntry[]; notActorPhrases: string[] } {
  const f = loadJsonFile(aliasFile, countryAliasesFileSchema);
  return { countries: buildCountries(f), notActorPhrases: f.notActorPhrases ?? [] };
}

const SPECIAL_NAMES: Readonly<Record<string, string>> = {
  IGO: "Intergovernmental organisations",
  "---": "unidentified",
};

let displayNames: Map<string, string> | undefined;

/**
 * Display name of an actor country code.
 * @example countryName("XKX") // "Kosovo"
 */
export function countryName(iso3: string): string {
  if (!displayNames) {
    displayNames = new Map(world().map((c) => [CODE_OVERRIDES[c.cca3] ?? c.cca3, c.name.common]));
  }
  return displayNames.get(iso3) ?? SPECIAL_NAMES[iso3] ?? iso3;
}
