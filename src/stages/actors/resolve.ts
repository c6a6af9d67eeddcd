// Actor resolution and in-document coreference: gives each mention the actor
// it stands for. Surnames, titles ("the minister"), pronouns and group words
// ("the two sides") point back to actors named earlier in the article.
import type { Actor, ArticleDoc, Sector } from "../../doc/types.js";
import type { FoundMention, MentionParts } from "./mentions.js";

const PERSON_PRONOUNS = new Set(["he", "she", "him", "her"]);
/** Generic words for an organisation already named: "the bloc", "the community". */
const IGO_ANAPHORS = new Set(["bloc", "community", "alliance", "union", "organisation", "organization", "grouping", "body", "commission", "authority"]);
/** Weapons stand for the forces that use them only when the text says whose they are. */
const WEAPONS = new Set(["missile", "rocket", "drone", "shell", "bomb", "jet", "warplane", "tank", "vessel", "ship", "warship", "aircraft", "plane", "helicopter", "artillery", "gunboat", "submarine"]);
const SPEECH_LEMMAS = new Set(["say", "add", "tell", "state", "announce", "note", "stress", "believe", "hope", "expect", "insist"]);

/** The country the article is mostly about: the most-mentioned one, the dateline's on a tie. */
export function homeCountry(mentions: FoundMention[], datelineCountry?: string): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const c = m.parts.country;
    if (!c || c === "IGO" || m.parts.modifierOnly) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (datelineCountry) counts.set(datelineCountry, (counts.get(datelineCountry) ?? 0) + 0.5);
  let best: string | undefined, n = 0;
  for (const [c, k] of counts) if (k > n) { best = c; n = k; }
  return best;
}

function personSector(parts: MentionParts, date: string): { sector?: Sector; role?: string; country?: string } {
  const p = parts.person;
  if (!p?.periods?.length) return {};
  for (const per of p.periods) {
    if ((!per.from || per.from <= date) && (!per.to || date < per.to)) return { sector: per.sector, role: per.role, country: per.country };
  }
  return {};
}

function actorOf(m: FoundMention, doc: ArticleDoc, country: string, sector?: Sector): Actor {
  const p = m.parts;
  const per = personSector(p, doc.article.date);
  const a: Actor = {
    text: doc.text.slice(doc.tokens[m.tokStart].start, doc.tokens[m.tokEnd - 1].end),
    country: per.country ?? country,
    sector: per.sector ?? sector ?? p.sector ?? (country === "IGO" ? "IGO" : "GOV"),
  };
  if (p.name) a.name = p.name;
  const role = per.role ?? p.role;
  if (role) a.role = role;
  if (p.igo) a.igo = p.igo;
  return a;
}

/** A role's head word: "foreign minister" → "minister". */
const headWord = (role: string) => role.split(" ").pop() ?? role;

/** Resolves every mention in place and returns those that got an actor. */
export function resolveCoreference(doc: ArticleDoc, mentions: FoundMention[], datelineCountry?: string): FoundMention[] {
  // a news agency credited at the top ("(WAM) --") places the story as a dateline does
  const local = datelineCountry ?? mentions.find((m) => m.parts.credit)?.parts.country;
  const home = homeCountry(mentions, local);
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.parts.country && !m.parts.modifierOnly) counts.set(m.parts.country, (counts.get(m.parts.country) ?? 0) + 1);
  const done: FoundMention[] = [];
  for (const m of mentions) {
    const p = m.parts;
    if (p.transparent || p.credit || p.placeOnly) continue;
    if (m.kind === "pronoun") {
      // "Biden spoke with Johnson. They agreed to …": a subject "they" after two people of two
      // countries and no group stands for both
      const pair = m.parts.pronoun === "they" ? theTwoBefore(m, done) : undefined;
      if (pair) { m.members = pair; done.push(m); continue; }
      const ante = pronounAntecedent(m, done, mentions);
      if (ante?.actor) { m.actor = { ...ante.actor, text: doc.tokens[m.tokStart].text }; m.surname = ante.surname; }
    } else if (m.kind === "plural") {
      // "Wang Yi praised both delegations": as a verb's object, not the sentence's own subject
      const prev = doc.tokens[m.tokStart - 1];
      const asObject = prev?.pos === "VERB" && !SPEECH_LEMMAS.has(prev.lemma);
      const before = new Set(asObject ? done.filter((d) => d.sent === m.sent && d.actor).map((d) => d.actor!.country) : []);
      const members = recentDistinct(done.filter((d) => !(d.actor && before.has(d.actor.country))), m.sent, 2, counts);
      if (members.length === 2) m.members = members;
    } else if (p.country) {
      m.actor = actorOf(m, doc, p.country);
      if (p.surname) m.surname = p.surname;
    } else if (p.role && IGO_ANAPHORS.has(headWord(p.role)) && !p.plural && lastIgo(done, m.sent)) {
      // "the bloc", "the community", "the alliance": the organisation named before
      const igo = lastIgo(done, m.sent)!;
      m.actor = { ...igo, text: actorOf(m, doc, "IGO").text };
    } else if (p.role && possessorOf(m, done)?.actor) {
      // "his spokesperson", "its officers": the possessor's country
      m.actor = actorOf(m, doc, possessorOf(m, done)!.actor!.country);
    } else if (p.role) {
      // "the minister": an earlier actor with the same title head, preferring one that was a
      // sentence's subject (news refers back to its protagonist), else the article's country
      const roleOf = (d: FoundMention) => d.parts.role ?? d.parts.roleHint;
      const same = [...done].reverse().filter((d) => d.actor && roleOf(d) && d.sent >= m.sent - 8 && headWord(roleOf(d)!) === headWord(p.role!) && (d.parts.plural ?? false) === (p.plural ?? false));
      const subj = same.find((d) => isSentenceSubject(d, done));
      const ante = subj ?? same[0];
      // else the last actor of the same sector named with its country ("the army" after "Israel's military")
      // (a named official is more likely the protagonist's, the country a sentence opened with,
      // than that of whoever was named last: "China summoned Japan's ambassador … Vice Foreign
      // Minister Sun Weidong complained")
      const sectorCands = ante ? [] : [...done].reverse().filter((d) => d.actor && d.sent >= m.sent - 5 && d.parts.country && (d.parts.sector ?? "GOV") === p.sector && (d.parts.sector || p.name) && d.actor.country !== "IGO");
      const sameSector = (p.name ? sectorCands.find((d) => isSentenceSubject(d, done)) : undefined) ?? sectorCands[0];
      if (ante?.actor && !p.name) m.actor = { ...ante.actor, text: actorOf(m, doc, ante.actor.country).text };
      // "Japan's ambassador … Ambassador Hideo Tarumi": a named title takes the country of the same
      // title named earlier without a name (the same person, now named)
      else if (ante?.actor && !ante.parts.name && !ante.actor.name && ante.kind !== "pronoun") m.actor = actorOf(m, doc, ante.actor.country);
      else if (sameSector?.actor && !p.unidentified && !p.generic) m.actor = actorOf(m, doc, sameSector.actor.country);
      // "The Minister of Foreign Affairs received …" under an ABU DHABI dateline or a WAM credit:
      // a bare title for one person is the dateline's official (agencies report their own
      // government), whichever country the article names most
      else if (local && !p.plural && p.personRole && !p.unidentified && !p.generic && p.sector !== "IGO" && !p.name) m.actor = actorOf(m, doc, local);
      else if (!p.unidentified && !p.generic && !WEAPONS.has(headWord(p.role)) && p.sector !== "IGO") {
        // "the army", "police": the armed side is the country the article shows acting (as a
        // subject, not inside "in Gaza"), else the article's main country
        const acting = p.sector === "MIL" ? subjectCountry(doc, done) : undefined;
        const c = acting ?? home;
        if (c) m.actor = actorOf(m, doc, c);
      }
    }
    if (m.actor || m.members) done.push(m);
  }
  return done;
}

/** The country most often named as the subject of a verb so far. */
function subjectCountry(doc: ArticleDoc, done: FoundMention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const d of done) {
    if (!d.actor || d.kind === "pronoun" || d.actor.country === "IGO" || d.parts.modifierOnly) continue;
    // a subject: the verb follows it ("as Israel resumed air strikes")
    let k = d.tokEnd;
    while (doc.tokens[k]?.pos === "ADV") k++;
    const next = doc.tokens[k];
    if (!next || !(next.pos === "VERB" || next.pos === "AUX")) continue;
    counts.set(d.actor.country, (counts.get(d.actor.country) ?? 0) + 1);
  }
  let best: string | undefined, n = 0;
  for (const [c, k] of counts) if (k > n) { best = c; n = k; }
  return best;
}

/**
 * The two actors a sentence-opening "they" stands for: the people (or countries) of two
 * different countries named in the sentence before, when it names no group they could be.
 */
function theTwoBefore(m: FoundMention, done: FoundMention[]): Actor[] | undefined {
  if (done.some((d) => d.sent === m.sent)) return undefined;
  const prev = done.filter((d) => d.sent === m.sent - 1 && d.actor && !d.parts.modifierOnly && d.kind !== "pronoun");
  if (!prev.length || prev.some((d) => d.parts.plural || d.kind === "group" || d.members)) return undefined;
  const byCountry = new Map<string, Actor>();
  for (const d of prev) if (d.kind === "person" || (d.kind === "role" && d.parts.personRole)) if (!byCountry.has(d.actor!.country)) byCountry.set(d.actor!.country, d.actor!);
  return byCountry.size === 2 && !byCountry.has("IGO") ? [...byCountry.values()] : undefined;
}

/** Whether a mention is the first actor named in its sentence (its likely subject). */
function isSentenceSubject(m: FoundMention, done: FoundMention[]): boolean {
  return done.find((d) => d.sent === m.sent) === m;
}

function pronounAntecedent(m: FoundMention, done: FoundMention[], all: FoundMention[]): FoundMention | undefined {
  const w = m.parts.pronoun!;
  const isPersonish = (d: FoundMention) => d.kind === "person" || (d.kind === "role" && !d.parts.plural && !!d.parts.personRole) || (d.kind === "pronoun" && PERSON_PRONOUNS.has(d.parts.pronoun!));
  const isThing = (d: FoundMention) => !!d.actor && !isPersonish(d) && !d.parts.plural && !d.parts.modifierOnly && d.kind !== "pronoun";
  const isGroup = (d: FoundMention) => !!d.actor && (!!d.parts.plural || d.kind === "group") && !d.parts.modifierOnly;
  let pick: (d: FoundMention) => boolean;
  if (PERSON_PRONOUNS.has(w)) pick = (d) => !!d.actor && isPersonish(d);
  else if (w === "it") pick = isThing;
  else if (w === "they" || w === "them") pick = (d) => isGroup(d);
  else {
    // we/us/I in a quote: the speaker, named after the quote in the same sentence, else the last subject
    const after = all.find((d) => d.sent === m.sent && d.tokStart > m.tokStart && d.kind !== "pronoun" && d.parts.country);
    if (after) return undefined; // resolved later by the events stage's speaker rule
    pick = (d) => !!d.actor && !d.parts.modifierOnly;
  }
  const objectCase = w === "him" || w === "her" || w === "them";
  // same sentence first: a subject pronoun refers to the sentence's subject; an object
  // pronoun to someone else named before it in the sentence ("spoke with Kuleba … said sorry to him")
  const same = done.filter((d) => d.sent === m.sent && d.tokEnd <= m.tokStart && pick(d));
  if (same.length && !objectCase) return same[0];
  const subjectOfSentence = same[0];
  if (objectCase && same.length > 1) {
    const other = [...same].reverse().find((d) => d.actor && subjectOfSentence.actor && (d.actor.country !== subjectOfSentence.actor.country || d.actor.name !== subjectOfSentence.actor.name) && d.kind !== "pronoun");
    if (other) return other;
  }
  for (let s = m.sent - 1; s >= Math.max(0, m.sent - 4); s--) {
    // a pronoun outside quotes refers to the speaker, not to someone named in the quote
    const all = done.filter((d) => d.sent === s && pick(d));
    const cands = m.parts.quoted ? all : [...all.filter((d) => !d.parts.quoted), ...all.filter((d) => d.parts.quoted)];
    const c = cands.find((d) => !subjectOfSentence?.actor || d.actor?.country !== subjectOfSentence.actor.country || d.actor.name !== subjectOfSentence.actor.name);
    if (c) return c;
  }
  if (w === "they" || w === "them") {
    for (let s = m.sent - 1; s >= Math.max(0, m.sent - 2); s--) {
      const c = done.find((d) => d.sent === s && isThing(d));
      if (c) return c;
    }
  }
  return undefined;
}

/**
 * The `n` actors that "the two sides" stands for: among the countries named in
 * the last few sentences, those the article names most, the most recent first on a tie.
 */
function recentDistinct(done: FoundMention[], sent: number, n: number, counts: Map<string, number>): Actor[] {
  const recent: Actor[] = [];
  const seen = new Set<string>();
  for (let i = done.length - 1; i >= 0; i--) {
    const d = done[i];
    if (d.sent < sent - 4) break;
    if (!d.actor || d.parts.modifierOnly || d.kind === "pronoun" || seen.has(d.actor.country)) continue;
    seen.add(d.actor.country);
    recent.push(d.actor);
  }
  const rank = (a: Actor) => counts.get(a.country) ?? 0;
  const top = recent.map((a, i) => ({ a, i })).sort((x, y) => rank(y.a) - rank(x.a) || x.i - y.i).slice(0, n);
  return top.sort((x, y) => y.i - x.i).map((x) => x.a);
}

/** The last intergovernmental organisation named within the last ten sentences. */
function lastIgo(done: FoundMention[], sent: number): Actor | undefined {
  for (let i = done.length - 1; i >= 0; i--) {
    const d = done[i];
    if (d.sent < sent - 10) break;
    if (d.actor?.country === "IGO" && d.kind !== "pronoun" && d.actor.igo) return d.actor;
  }
  return undefined;
}

/** The possessive pronoun right before a mention ("his spokesperson"), if resolved. */
function possessorOf(m: FoundMention, done: FoundMention[]): FoundMention | undefined {
  for (let i = done.length - 1; i >= 0; i--) {
    const d = done[i];
    if (d.tokEnd === m.tokStart && d.parts.possessive) return d;
    if (d.tokEnd < m.tokStart - 1) break;
  }
  return undefined;
}
