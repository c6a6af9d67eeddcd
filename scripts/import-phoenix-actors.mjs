#!/usr/bin/env node
// Imports the Phoenix (PETRARCH/TABARI-format) actor and agent dictionaries
// into dyad's data files:
//   data/phoenix-actors.json  people with dated roles, organisations, armed groups
//   data/phoenix-agents.json  agent nouns ("constable", "insurgent") with sectors
// Usage: node scripts/import-phoenix-actors.mjs [phoenixDir] [wcepCorpus.jsonl.gz]
// The corpus is only read to count how often each word is written in lower
// case in real news, so that names that are common English words are dropped.
// The reader below is deliberately small and local to this script: it knows
// just enough of the .actors / .agents format for these four files.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const phoenixDir = process.argv[2] ?? join(root, "../shared/dictionaries/phoenix");
const corpusFile = process.argv[3] ?? join(root, "../shared/corpora/wcep/wcep-2002-2024.jsonl.gz");
const require = createRequire(import.meta.url);

const NOTICE = readFileSync(join(phoenixDir, "LICENSE"), "utf8").trim();

// ---------- CAMEO codes → dyad country + sector ----------

const ISO3 = new Set(require("world-countries/countries.json").map((c) => (c.cca3 === "UNK" ? "XKX" : c.cca3)));
/** CAMEO country codes that are not ISO 3166 alpha-3 today. Former states with no single successor are left out. */
const CAMEO_COUNTRY = { KSV: "XKX", YUG: "SRB", SCG: "SRB", FRY: "SRB", SRP: "SRB", ROM: "ROU", ZAR: "COD", BAH: "BHS", ANG: "AGO", TMP: "TLS", IMY: "IMN" };
const countryOf = (c) => (ISO3.has(c) ? c : CAMEO_COUNTRY[c]);

/** CAMEO role/sector codes → dyad sectors (religion codes all → REL). */
const SECTOR = {
  GOV: "GOV", MIL: "MIL", LEG: "LEG", JUD: "JUD", COP: "POL", SPY: "POL", OPP: "OPP", PTY: "PTY",
  REB: "REB", INS: "REB", SEP: "REB", UAF: "REB", IMG: "REB", RAD: "REB",
  BUS: "BUS", MNC: "BUS", MED: "MED", NGO: "NGO", HRI: "NGO", ENV: "NGO", NGM: "NGO",
  CVL: "CIV", REF: "CIV", LAB: "CIV", AGR: "CIV", PPL: "CIV", EDU: "EDU", HLH: "HLH", IGO: "IGO",
  REL: "REL", CHR: "REL", CTH: "REL", MUS: "REL", JEW: "REL", BUD: "REL", HIN: "REL", SHI: "REL", SUN: "REL",
  ELI: "OTH", CRM: "OTH", DEV: "GOV",
};

/**
 * A CAMEO actor code ("IRNGOVLEG", "IGOUNOREFHCR", "NGOUSAHRI", "IMGMUSALQ")
 * as { country, sector }; country null = from the article's context;
 * undefined when the code names no country dyad can use (regions, the USSR).
 */
function decodeActor(code, org = false) {
  const chunks = code.match(/.{3}/g) ?? [];
  const [first, ...rest] = chunks;
  if (first === "IGO") return { country: "IGO", sector: "IGO", igo: rest.join("") || undefined };
  if (first === "NGO" || first === "MNC" || first === "IMG") {
    // "IMGMUSALQ": MUS is the Muslim religion code here, not Mauritius
    const c = rest[0] && !SECTOR[rest[0]] ? countryOf(rest[0]) : undefined;
    return { country: c ?? null, sector: SECTOR[first] };
  }
  const country = countryOf(first);
  if (!country) return undefined;
  // defence ministers are MIL and the legislative arm of government LEG (guideline);
  // other "GOVxxx" ministries stay GOV
  // (a ministry's second code names its field, but a body's is what it is: the Supreme Court
  // "USAGOVJUD" is JUD, a justice minister GOV)
  if (rest[0] === "GOV") {
    const second = { MIL: "MIL", LEG: "LEG", ...(org ? { JUD: "JUD", COP: "POL", SPY: "POL" } : {}) }[rest[1]];
    return { country, sector: second ?? "GOV" };
  }
  // a code with no known sector after the country is a region or place ("PSEGZA": Gaza, Rafah):
  // world-countries and the place stage cover those, not the actor lexicon
  if (rest.length && !SECTOR[rest[0]]) return undefined;
  return { country, sector: rest.length ? SECTOR[rest[0]] : "GOV" };
}

/** YYMMDD (pivot 2015: the files end around 2014) or YYYYMMDD → YYYY-MM-DD. */
function isoDate(d) {
  let y, rest;
  if (/^\d{8}$/.test(d)) { y = d.slice(0, 4); rest = d.slice(4); }
  else if (/^\d{6}$/.test(d)) { const yy = +d.slice(0, 2); y = String(yy <= 15 ? 2000 + yy : 1900 + yy); rest = d.slice(2); }
  else return undefined;
  const m = +rest.slice(0, 2), day = +rest.slice(2);
  if (m < 1 || m > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${rest.slice(0, 2)}-${rest.slice(2)}`;
}
function nextDay(iso) {
  const t = new Date(iso + "T00:00:00Z");
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** "[IRNGOV 20130803-20210803]" body → { code, from?, to? } (to exclusive), or undefined when malformed. */
function parseCode(body) {
  // "> 140608" occurs with a space after the sign
  const [code, dates] = body.trim().replace(/([<>])\s+/, "$1").split(/\s+/);
  if (!/^[A-Z]{3,}$/.test(code ?? "")) return undefined;
  if (!dates) return { code };
  let m;
  if ((m = /^>(\d+)$/.exec(dates))) { const f = isoDate(m[1]); return f ? { code, from: f } : undefined; }
  if ((m = /^<(\d+)$/.exec(dates))) { const t = isoDate(m[1]); return t ? { code, to: nextDay(t) } : undefined; }
  if ((m = /^(\d+)-(\d+)$/.exec(dates))) {
    const f = isoDate(m[1]), t = isoDate(m[2]);
    return f && t && f <= t ? { code, from: f, to: nextDay(t) } : undefined;
  }
  return undefined;
}

// ---------- the .actors reader ----------

/**
 * Splits an .actors file into entries: a name line, its "+" synonyms, and the
 * codes given on those lines or on indented lines after them.
 */
function readActors(file) {
  const lines = readFileSync(join(phoenixDir, file), "utf8").split(/\r?\n/);
  const entries = [];
  let cur;
  const bad = [];
  lines.forEach((raw, n) => {
    const line = raw.replace(/#.*$/, "");
    if (!line.trim()) return;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    const name = line.replace(/\[[^\]]*\]/g, "").trim();
    if (/^\s/.test(raw) && !name) {
      if (!cur) return;
      for (const c of codes) cur.codes.push(c);
      return;
    }
    if (name.startsWith("+")) {
      if (!cur) return;
      cur.forms.push(name.slice(1).trim());
      for (const c of codes) cur.codes.push(c);
      return;
    }
    if (!name) return;
    cur = { file, line: n + 1, forms: [name], codes: [...codes] };
    entries.push(cur);
  });
  for (const e of entries) {
    e.parsed = [];
    for (const c of e.codes) {
      if (c.startsWith("~")) continue;
      const p = parseCode(c);
      if (p) e.parsed.push(p);
      else bad.push(`${file}:${e.line} ${e.forms[0]} [${c}]`);
    }
  }
  return { entries, bad };
}

/** TABARI form → words: "BAN_KI-MOON_" → "Ban Ki-Moon"; parenthesised acronyms are dropped. */
function cleanForm(f) {
  const s = f
    .replace(/\([^)]*\)/g, " ")
    .replace(/[_\s]+/g, " ")
    .replace(/\s+([,.])/g, "$1")
    .trim();
  if (!/^[A-Za-z][A-Za-z .'&,-]*$/.test(s) || /^[^A-Za-z]*$/.test(s)) return undefined;
  return s
    .toLowerCase()
    .replace(/(^|[\s'-])([a-z])/g, (_, a, b) => a + b.toUpperCase())
    .replace(/\b(Of|The|And|For|In|On|De|Al|Bin|Da|Van|Von|La|Le|El|Du|Des)\b/g, (w, _x, i) => (i === 0 ? w : w.toLowerCase()))
    .replace(/\bMc([a-z])/g, (_, c) => "Mc" + c.toUpperCase());
}

// ---------- which words are common English (data-driven) ----------

/**
 * Counts, for each word, its lower-case and capitalised occurrences in real
 * news (WCEP sentences), skipping sentence-initial words. A word written in
 * lower case often ("will", "rice", "brown") is an English word first.
 */
function caseCounts() {
  const lower = new Map(), cap = new Map();
  let text;
  try { text = gunzipSync(readFileSync(corpusFile)).toString("utf8"); }
  catch (e) { throw new Error(`${corpusFile}: cannot read the word-frequency corpus: ${e.message}`); }
  for (const line of text.split("\n")) {
    if (!line) continue;
    const j = JSON.parse(line);
    for (const sent of String(j.text ?? "").split(/(?<=[.!?])\s+/)) {
      const words = sent.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
      for (let i = 1; i < words.length; i++) {
        const w = words[i];
        const k = w.toLowerCase();
        if (w === k) lower.set(k, (lower.get(k) ?? 0) + 1);
        else cap.set(k, (cap.get(k) ?? 0) + 1);
      }
    }
  }
  return { lower, cap };
}
const { lower: LOWER, cap: CAP } = caseCounts();
/** Function words are never in the corpus counts in a way that helps; list them outright. */
const FUNCTION_WORDS = new Set("a an the of and or in on at to for by with from as is are was were be it its he she they we you i his her their our this that these those not no yes all any some".split(" "));
function isCommonWord(w) {
  const k = w.toLowerCase();
  if (FUNCTION_WORDS.has(k)) return true;
  const lo = LOWER.get(k) ?? 0, ca = CAP.get(k) ?? 0;
  return lo >= 3 && lo >= 0.1 * (lo + ca);
}

/**
 * Stricter test for a name used alone ("Tigers", "Rebellion"): written in lower case at all in
 * the corpus (twice), itself or as the singular of a plural.
 */
function isEverWord(w) {
  const k = w.toLowerCase();
  return (LOWER.get(k) ?? 0) >= 2 || (k.endsWith("s") && (LOWER.get(k.slice(0, -1)) ?? 0) >= 2);
}

// ---------- titles to strip from the front of a person's form ----------

const roles = JSON.parse(readFileSync(join(root, "data/roles.json"), "utf8")).roles;
const TITLES = roles.filter((r) => r.titleBeforeName).map((r) => r.words).sort((a, b) => b.length - a.length);
const EXTRA_TITLES = ["mr", "mrs", "ms", "dr", "former", "acting", "deputy", "vice", "chief", "secretary-general", "secretary general", "un secretary-general", "un secretary general", "united nations secretary-general", "united nations secretary general", "u.n. secretary-general", "foreign minister", "defense minister", "defence minister", "ex-president", "opposition leader", "pm", "gen.", "gen", "lt.", "col.", "sen.", "rep.", "gov.", "pres."];
/** Role words ("president", "foreign minister"): a person form that still holds one is a title, not a name. */
const ROLE_WORDS = roles.flatMap((r) => [r.words, r.plural ? r.words : r.words + "s"]);
const hasRoleWord = (form) => { const low = " " + form.toLowerCase().replace(/-/g, " ") + " "; return ROLE_WORDS.some((w) => low.includes(" " + w.replace(/-/g, " ") + " ")); };
const TITLE_WORDS = roles.filter((r) => r.titleBeforeName).flatMap((r) => [r.words, r.words + "s"]);
const hasTitleWord = (form) => { const low = " " + form.toLowerCase().replace(/-/g, " ") + " "; return TITLE_WORDS.some((w) => low.includes(" " + w.replace(/-/g, " ") + " ")); };
const PARTICLE_START = /^(of|the|and|for|in|on|to|from|with|by)\b/i;

function stripTitles(form) {
  let s = form;
  for (let changed = true; changed; ) {
    changed = false;
    const low = s.toLowerCase();
    for (const t of [...EXTRA_TITLES, ...TITLES]) {
      if (low.startsWith(t + " ") && s.length > t.length + 1) { s = s.slice(t.length + 1).trim(); changed = true; break; }
    }
  }
  return s;
}

// ---------- classification ----------

/** Words that make a Countries-file entry an organisation rather than a person. */
const ORG_WORDS = /\b(council|assembly|party|guards?|forces?|army|ministry|front|movement|committee|parliament|congress|senate|court|police|commission|agency|union|organi[sz]ation|group|brigades?|corps|league|alliance|authority|service|bank|office|department|government|cabinet|navy|air force|militia|association|institute|university|bureau|directorate|tribunal|chamber|society|federation|network|cent(er|re)|fund|foundation|program(me)?|regime|junta|administration|house|board|coalition|company|corporation|ltd|inc|group|mission|secretariat|duma|knesset|majlis|diet|jirga|shura|national|people|republic|state|states|kingdom|forum|conference|organisation|bloc|troops|command|unit|faction|body|club|institution)\b/i;

function classify(entry) {
  const dated = entry.parsed.some((p) => p.from || p.to);
  if (entry.file.includes("Countries")) {
    // organisations can carry dated codes too (a revolutionary council), so the name decides
    return ORG_WORDS.test(entry.forms[0].replace(/_/g, " ")) ? "org" : "person";
  }
  return dated ? "person" : "org";
}

// ---------- build ----------

const stats = { agentsDropped: 0, entries: 0, people: 0, orgs: 0, skippedCountryLevel: 0, skippedNoCountry: 0, badCodes: 0, commonWordForms: 0, ambiguousForms: 0, shortForms: 0 };
const people = [];
const orgs = [];
const dropped = new Set();

/** Keeps a form unless it is a common English word (or all its words are) or too short. */
function keepForm(form, kind) {
  const words = form.split(/\s+/);
  if (form.replace(/[^A-Za-z]/g, "").length < 3) { stats.shortForms++; return false; }
  if (words.length === 1 ? isCommonWord(form) || form.length <= 3 || isEverWord(form) : words.every((w) => isCommonWord(w.replace(/[.,']/g, "")))) {
    // multiword organisation names of common words ("Red Flag", "National Security Agency") stay:
    // the gazetteer matches imported names only when capitalised in the text
    if (words.length === 1 || kind === "person") { stats.commonWordForms++; dropped.add(form.toLowerCase()); return false; }
  }
  return true;
}

for (const file of ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]) {
  const { entries, bad } = readActors(file);
  stats.badCodes += bad.length;
  for (const b of bad) console.warn(`skipped malformed code: ${b}`);
  for (const e of entries) {
    stats.entries++;
    if (!e.parsed.length) continue;
    // country-level entries ("IRAN_ [IRN]" and its cities) are covered by world-countries and country-aliases.json
    // (some carry dates: Iraq before and after the occupation)
    // (some carry dates, and a predecessor state's code: "UKR >911221", "USR <911221")
    // (some carry dates and a predecessor's code: "USRUKR <910824", "UKR >911221"); a bare
    // NGO or MNC code names a body of no known country
    if (e.parsed.some((p) => p.code.length === 3 && countryOf(p.code)) || e.parsed.every((p) => p.code.length === 3 && p.code !== "IGO")) { stats.skippedCountryLevel++; continue; }
    const kind = classify(e);
    const decoded = e.parsed.map((p) => ({ ...p, actor: decodeActor(p.code, kind === "org") }));
    const usable = decoded.filter((d) => d.actor && d.actor.country !== undefined);
    if (!usable.length) { stats.skippedNoCountry++; continue; }
    // "The United Nations": the article is the text's, not the name's
    let forms = [...new Set(e.forms.map(cleanForm).filter(Boolean).map((f) => f.replace(/^the /i, "")))];
    if (kind === "person") forms = [...new Set(forms.map(stripTitles))].filter((f) => !hasRoleWord(f));
    // "US President", "Secretary of State": titles are roles.json's, read with their country
    else forms = forms.filter((f) => !hasTitleWord(f));
    forms = forms.filter((f) => !PARTICLE_START.test(f));
    forms = forms.filter((f) => keepForm(f, kind));
    if (!forms.length) continue;
    if (kind === "person") {
      const withCountry = usable.filter((d) => d.actor.country);
      if (!withCountry.length) { stats.skippedNoCountry++; continue; }
      const periods = withCountry.filter((d) => d.from || d.to).map((d) => ({ ...(d.from ? { from: d.from } : {}), ...(d.to ? { to: d.to } : {}), country: d.actor.country, sector: d.actor.sector }));
      periods.sort((a, b) => (a.from ?? "0000").localeCompare(b.from ?? "0000"));
      // outside every dated role: the undated code if any (often ELI, a former official), else the last role's country
      const undated = withCountry.find((d) => !d.from && !d.to);
      const last = periods[periods.length - 1];
      const base = undated ? undated.actor : { country: last.country, sector: last.sector };
      const p = { name: forms[0], country: base.country, sector: base.sector };
      if (forms.length > 1) p.aliases = forms.slice(1);
      if (periods.length) p.periods = periods;
      people.push(p);
      stats.people++;
    } else {
      const a = usable[0].actor;
      const o = { names: forms, country: a.country, sector: a.sector };
      orgs.push(o);
      stats.orgs++;
    }
  }
}

// A form claimed by two entries of different country or sector is ambiguous: drop it from both.
function dropAmbiguous() {
  const owners = new Map();
  const key = (c, s) => `${c}/${s}`;
  const note = (f, k) => { const l = f.toLowerCase(); const set = owners.get(l) ?? new Set(); set.add(k); owners.set(l, set); };
  for (const p of people) for (const f of [p.name, ...(p.aliases ?? [])]) note(f, key(p.country, "person"));
  for (const o of orgs) for (const f of o.names) note(f, key(o.country, o.sector));
  const amb = (f) => (owners.get(f.toLowerCase())?.size ?? 0) > 1;
  for (const p of people) {
    const forms = [p.name, ...(p.aliases ?? [])].filter((f) => !amb(f));
    stats.ambiguousForms += 1 + (p.aliases?.length ?? 0) - forms.length;
    p.name = forms[0];
    if (forms.length > 1) p.aliases = forms.slice(1); else delete p.aliases;
  }
  for (const o of orgs) o.names = o.names.filter((f) => !amb(f));
}
dropAmbiguous();

// A one-word form of a person is kept only when no other entry uses the word in its name
// (a lone "Hassan" or "Kim" could be anyone).
const wordUse = new Map();
for (const p of people) for (const w of new Set([p.name, ...(p.aliases ?? [])].filter(Boolean).flatMap((f) => f.toLowerCase().split(/\s+/)))) wordUse.set(w, (wordUse.get(w) ?? 0) + 1);
let loneDropped = 0;
for (const p of people) {
  if (!p.name) continue;
  const forms = [p.name, ...(p.aliases ?? [])].filter((f) => f.includes(" ") || (wordUse.get(f.toLowerCase()) ?? 0) <= 1);
  loneDropped += 1 + (p.aliases?.length ?? 0) - forms.length;
  p.name = forms[0];
  if (forms.length > 1) p.aliases = forms.slice(1); else delete p.aliases;
}
stats.loneWordForms = loneDropped;

const outPeople = people.filter((p) => p.name);
const orgSeen = new Set();
const outOrgs = orgs.filter((o) => {
  const k = o.names.join("|").toLowerCase() + "|" + o.country + "|" + o.sector;
  if (!o.names.length || orgSeen.has(k)) return false;
  orgSeen.add(k);
  return true;
});
// one entry per full name: merge duplicates of the same person (the files repeat some names)
const byName = new Map();
for (const p of outPeople) {
  const k = p.name.toLowerCase();
  const prev = byName.get(k);
  if (!prev) { byName.set(k, p); continue; }
  if (prev.country !== p.country) { byName.delete(k); byName.set(k + "\u0000dup", null); continue; }
  prev.aliases = [...new Set([...(prev.aliases ?? []), ...(p.aliases ?? [])])].filter((a) => a.toLowerCase() !== k);
  if (!prev.aliases.length) delete prev.aliases;
  prev.periods = [...(prev.periods ?? []), ...(p.periods ?? [])];
  if (!prev.periods.length) delete prev.periods;
}
// People whose every known role ended before 1990 are history, not news actors (Khomeini in
// 2019 news is a topic): leave them out rather than code them by their old office.
const isHistoric = (p) => !!p.periods?.length && p.periods.every((r) => r.to && r.to < "1990-01-01");
let historic = 0;
const finalPeople = [...byName.values()].filter((p) => p && !(isHistoric(p) && ++historic));
stats.historicPeople = historic;
finalPeople.sort((a, b) => a.name.localeCompare(b.name));
outOrgs.sort((a, b) => a.names[0].localeCompare(b.names[0]));

/** Compact rows: "IRN/GOV" for the default, "IRN/GOV 2013-08-03..2021-08-04" for a dated role (to exclusive). */
const row = (p) => ({
  name: p.name,
  ...(p.aliases ? { aliases: p.aliases } : {}),
  actor: `${p.country}/${p.sector}`,
  ...(p.periods?.length ? { roles: p.periods.map((r) => `${r.country}/${r.sector} ${r.from ?? ""}..${r.to ?? ""}`) } : {}),
});
const orgRow = (o) => ({ names: o.names, actor: `${o.country ?? "---"}/${o.sector}` });

const sourceNote = "Generated by scripts/import-phoenix-actors.mjs from the Phoenix dictionaries (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt; Open Event Data Alliance, MIT licence, see 'notice'). Do not edit by hand: change the script or add the name to people.json / groups.json, which win over these entries.";
const actorsOut = {
  version: 1,
  description: `People and organisations from the Phoenix actor dictionaries, mapped from CAMEO codes to ISO3 country and dyad sector. 'actor' is COUNTRY/SECTOR ('---' for an organisation whose country comes from the article: international militant groups, NGOs without a home country). A person's 'roles' are dated spells 'COUNTRY/SECTOR from..to' ('from' inclusive, 'to' exclusive, either open); outside every spell the person takes 'actor' (an undated CAMEO code such as ELI, a former official, is OTH). People whose every role ended before 1990 are left out. Forms that are common English words in real news (written in lower case in at least 10% of their uses in the WCEP current-events corpus), one-word person forms shared with another entry, and forms claimed by entries of different countries were dropped. ${sourceNote}`,
  notice: NOTICE,
  people: finalPeople.map(row),
  organisations: outOrgs.map(orgRow),
};
writeFileSync(join(root, "data/phoenix-actors.json"), JSON.stringify(actorsOut, null, 0).replace(/,\{"name"/g, ',\n{"name"').replace(/,\{"names"/g, ',\n{"names"') + "\n");

// ---------- agents ----------

/**
 * Agent nouns that are no actor or are read wrongly out of context: things (vehicles, weapons,
 * buildings, publications), stems and fragments ("commerce minist", "ambassador to"), and words
 * whose CAMEO sector is not the guideline's ("deputy" is a legislator, not police; an environment
 * ministry is GOV, not NGO) or that are too general to place ("authority", "business", "the court").
 */
const AGENT_THING_HEADS = /\b(missile|rocket|helicopter|gunship|jet|jumbojet|airliner|aircraft|plane|ship|vessel|tanker|freighter|containership|oiler|building|house|school|schoolhouse|kindergar(te|de)n|preschool|post|district|institution|facilit(y|iy)|prison|infirmary|sanat(a|o)rium|sanitarium|site|blog|website|magazine|tv|gazette|publication|tabloid|station|check|monastary|conservatory|unit|patrols?|craft|barracks|tank|carrier|bomber|battleship|battlewagon|system|office|rule|department)$/;
const AGENT_GENERAL = new Set(["deputy", "authority", "business", "industry", "boss", "doc", "the court", "intelligence", "representatives", "delegate", "constituent", "counselor", "counsel", "advocate", "chamber", "assemblies", "assemblage", "exile", "crusader", "objector", "electorate", "elector", "customer", "engineer", "chief engineer", "athlete", "backpacker", "colonist", "producer", "trader", "merchant", "employer", "investor", "landlord", "monger", "bargainer", "writer", "commentator", "publisher", "telecom", "economist", "historian", "intellectual", "sociologist", "dean", "christian", "buddhist", "hindu", "anglican", "maronite", "unitarian", "hebrew", "hasid", "hasidim", "killer", "culprit", "convict", "criminal", "felon", "general assembly", "national council", "majority party", "democratic party", "green party", "insurgence", "insurgency", "looter", "mass opposition", "woman", "women", "man", "men", "person", "captain", "medical man", "medical men", "medical woman", "medical women", "medical person", "students and professor", "students and teacher", "science congress", "economic expert", "leading news", "top left leader", "top right leader", "promulgator", "lawgiver", "elected bodies", "muslim", "jew", "jewish", "mullah", "rebellion", "attorney", "islamic", "islamist", "moslem",
  // abstract nouns, kinds of weapon and words for places or states of people
  "governance", "bureaucracy", "kingdom", "polity", "state-owned", "semi-official", "naval", "kfir", "mig", "humvee", "hmmwv", "jetfighter", "corvette", "cruiser", "echelon", "phalanx", "revolt", "uprising", "religion", "monastery", "settlement", "neighborhood", "neighbourhood", "population", "infant", "mother", "native", "naturalized", "retired", "actor", "vip", "jetliner", "supertanker", "aerospace", "airway", "manafacture", "archdiocese", "persons", "victims", "reactionaries"]);
function agentStop(words) {
  return AGENT_THING_HEADS.test(words) || AGENT_GENERAL.has(words) || /minist|\b(at|to|for|of|in|on|and)$|^(a|an|the) /.test(words) || words.split(" ").length > 4;
}

function readAgents() {
  const file = "Phoenix.agents.txt";
  const lines = readFileSync(join(phoenixDir, file), "utf8").split(/\r?\n/);
  const subst = new Map();
  const out = [];
  const bad = [];
  lines.forEach((raw, n) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const s = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(line);
    if (s) { subst.set(s[1], s[2].split(",").map((x) => x.trim())); return; }
    const m = /^(.*?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)[\]}]/.exec(line);
    if (!m) { bad.push(`${file}:${n + 1} ${line}`); return; }
    const code = m[3];
    const sectorCode = code.slice(0, 3) === "GOV" && code.slice(3, 6) === "MIL" ? "MIL" : code.slice(0, 3);
    const sector = SECTOR[sectorCode];
    if (!sector) { bad.push(`${file}:${n + 1} ${line}`); return; }
    let forms = [m[1]];
    // "POLICE!PERSON!" → POLICEMAN, POLICEWOMAN …: the set's words are appended as they are
    for (const [k, vs] of subst) forms = forms.flatMap((f) => (f.includes(k) ? vs.map((v) => f.replace(k, v)) : [f]));
    for (const f of forms) {
      const words = f.replace(/_+/g, " ").trim().toLowerCase().replace(/\s+/g, " ");
      if (!/^[a-z][a-z' -]*$/.test(words)) continue;
      if (agentStop(words)) { stats.agentsDropped++; continue; }
      out.push({ words, sector, line: n + 1 });
    }
  });
  return { out, bad };
}
const agents = readAgents();
for (const b of agents.bad) console.warn(`skipped agent line: ${b}`);
const seenAgent = new Map();
for (const a of agents.out) if (!seenAgent.has(a.words)) seenAgent.set(a.words, a.sector);
const agentsOut = {
  version: 1,
  description: `Agent nouns from Phoenix.agents.txt (Open Event Data Alliance, MIT licence, see 'notice') with their dyad sector (CAMEO ~COP police → POL, ~SPY → POL, ~UAF/~INS/~REB → REB, ~CVL/~REF/~LAB/~AGR → CIV, religions → REL, ~CRM/~ELI → OTH, GOV+MIL → MIL). 'words' are lower-case as in roles.json. roles.json wins where both list a noun; the loader drops agents that name things (vehicles, buildings) rather than people or bodies. Generated by scripts/import-phoenix-actors.mjs; do not edit by hand.`,
  notice: NOTICE,
  agents: [...seenAgent].map(([words, sector]) => ({ words, sector })),
};
writeFileSync(join(root, "data/phoenix-agents.json"), JSON.stringify(agentsOut, null, 0).replace(/,\{"words"/g, ',\n{"words"') + "\n");

console.log(JSON.stringify({ ...stats, peopleWritten: finalPeople.length, orgsWritten: outOrgs.length, agents: agentsOut.agents.length, droppedCommonExamples: [...dropped].slice(0, 40) }, null, 1));
