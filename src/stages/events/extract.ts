// Event extraction: for each trigger, its source and target actors, checked
// for factuality, turned into event candidates. Future cooperative acts
// become AGREE; future or unreal conflict is dropped unless a threat.
import type { Actor, ArticleDoc, EventCandidate, PlovType, Sector, Token } from "../../doc/types.js";
import type { FoundMention } from "../actors/mentions.js";
import { SYMMETRIC } from "../dedupe/dedupe.js";
import { directObject, findSubject, findTarget, isPassive, prepBefore } from "./arguments.js";
import { factuality, isEmbedded } from "./filters.js";
import { aidShipments, anaphoricTarget, announcedBySource, complementTarget, deonticRequests, speakerBefore, speakerFor, type SentenceScope } from "./discourse.js";
import type { PatternIndex } from "./patterns.js";
import { findTriggers, type Trigger } from "./triggers.js";
import { implicitAgent, type ImplicitAgents } from "./implicit.js";
import { isNaming, namingEvents } from "./naming.js";
import { parseSentence } from "../analyse/parse.js";
import { nounAgent, sentenceTree, treeAgent, treePassive, treeSubjects, treeTargets, type SentenceTree } from "./tree-args.js";

const COOPERATIVE = new Set<PlovType>(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);
const ANAPHOR_TYPES = new Set<PlovType>(["ACCUSE", "REJECT", "THREATEN", "SUPPORT", "PROTEST", "REQUEST"]);
const MATERIAL_CONFLICT = new Set<PlovType>(["ASSAULT", "COERCE", "MOBILIZE"]);
/** Acts whose object may be that of their purpose: "called to congratulate Modi", "opened fire to disperse protesters". */
const PURPOSE_TYPES = new Set<PlovType>(["CONSULT", "ASSAULT", "COERCE", "MOBILIZE"]);
/** Acts whose infinitive holds what is threatened, asked, promised or refused. */
const GOVERNING = new Set<PlovType>(["THREATEN", "REQUEST", "AGREE", "REJECT"]);
/** Acts of saying whose object may stand in the clause they introduce. */
const COMPLEMENT_TYPES = new Set<PlovType>(["THREATEN", "ACCUSE", "REJECT"]);

function actorsOf(m: FoundMention): Actor[] {
  if (m.members?.length) return m.members;
  return m.actor ? [m.actor] : [];
}

/** "told X to stay away": a "to" + verb within a few words after the predicate. */
function infinitiveAfter(toks: Token[], from: number, end: number): boolean {
  for (let k = from; k < Math.min(end - 1, from + 12); k++) {
    if (toks[k].lower === "to" && (toks[k + 1].pos === "VERB" || toks[k + 1].pos === "AUX")) return true;
    if (toks[k].pos === "VERB" || toks[k].text === ";") return false;
  }
  return false;
}

function sameActor(a: Actor, b: Actor): boolean {
  return a.country === b.country && (a.text === b.text || (!!a.name && a.name === b.name) || (a.sector === b.sector && !a.name && !b.name && !a.role && !b.role));
}

/** Sector of a bare country acting by force: its military. */
function actingSector(a: Actor, type: PlovType): Actor {
  if (a.role || a.name || a.sector !== "GOV" || a.country === "IGO") return a;
  if (type === "ASSAULT" || type === "MOBILIZE") return { ...a, sector: "MIL" as Sector };
  return a;
}

const nonEmpty = <T>(xs: T[] | undefined | false): T[] | undefined => (xs && xs.length ? xs : undefined);

/** What the event stage may ask of the stages around it. */
export interface EventContext {
  /** Who does state acts that a passive leaves unnamed. */
  implicit?: ImplicitAgents;
  /** The country where the act at token `at` of sentence `sent` happens: a place the sentence names near it. */
  placeCountry?: (sent: number, at: number) => string | undefined;
}

/** The nouns that name an attack: the object nouns of the ASSAULT light-verb patterns ("launched an air strike"). */
const attackCache = new WeakMap<PatternIndex, Set<string>>();
function attackNounsOf(index: PatternIndex): Set<string> {
  let set = attackCache.get(index);
  if (!set) {
    set = new Set(index.patterns.filter((p) => p.type === "ASSAULT").flatMap((p) => p.objects ?? []).map((o) => o.split(" ").pop()!.toLowerCase()));
    set.add("bombing"); set.add("shooting"); set.add("airstrike"); set.add("ambush");
    attackCache.set(index, set);
  }
  return set;
}

export function extractEvents(doc: ArticleDoc, mentions: FoundMention[], index: PatternIndex, ctx: EventContext = {}): EventCandidate[] {
  const toks = doc.tokens;
  const out: EventCandidate[] = [];
  const attackNouns = attackNounsOf(index);
  let prevSubject: Actor | undefined;
  for (const s of doc.sentences) {
    const ms = mentions.filter((m) => m.sent === s.i);
    const scope: SentenceScope = { toks, ms, s, date: doc.article.date };
        // speaker for first-person pronouns
    for (const m of ms) {
      if (m.kind === "pronoun" && !m.actor && ["we", "us", "i"].includes(m.parts.pronoun!)) {
        const sp = speakerFor(m, ms, toks, prevSubject);
        if (sp) m.actor = { ...sp, text: toks[m.tokStart].text };
      }
    }
    const triggers = findTriggers(toks, s, index);
    // the dependency parse, read where the word windows find no argument: the sentence is parsed
    // then, on first need (parsing is the coder's costliest step, and most predicates' arguments
    // stand where the windows find them)
    let parsedTree: SentenceTree | undefined | null = null;
    const tree = (): SentenceTree | undefined => {
      if (parsedTree === null) {
        if (ms.length) parseSentence(doc, s);
        parsedTree = sentenceTree(toks, s);
      }
      return parsedTree;
    };
    // the first (most specific) reading's type at each trigger position
    const triggerAt = new Map<number, string>();
    for (const t of triggers) if (!triggerAt.has(t.at)) triggerAt.set(t.at, t.form.pattern.type);
    // (an imported dictionary pattern's object counts only once its verb has coded an event:
    // "died in clashes between A and B" leaves the clashes to be coded)
    const objectRanges = triggers.filter((t) => t.object && !t.form.pattern.id.startsWith("cameo-")).map((t) => t.object!);
    const byAt = new Map<number, Trigger[]>();
    for (const t of triggers) {
      let l = byAt.get(t.at);
      if (!l) byAt.set(t.at, (l = []));
      l.push(t);
    }
    for (const [at, readings] of byAt) {
      // a trigger word inside an actor phrase ("the Foreign Office") is no predicate
      if (ms.some((m) => m.tokStart <= at && at < m.tokEnd && m.kind !== "pronoun")) continue;
      for (const trig of readings) {
        const evs = eventsFor(trig, at);
        if (evs.length) {
          out.push(...evs);
          if (trig.object) objectRanges.push(trig.object);
          break;
        }
      }
    }
    out.push(...deonticRequests(scope), ...aidShipments(scope), ...namingEvents(scope, out));
    const firstSubj = ms.find((m) => m.actor && !prepBefore(toks, m, s.tokStart));
    if (firstSubj?.actor) prevSubject = firstSubj.actor;

    /** The actor named in an attack phrase after a passive: "in a [Russian missile] attack", "by an [Israeli] drone strike". */
    function attackAgent(at: number): FoundMention | undefined {
      const end = Math.min(s.tokEnd, at + 12);
      for (let k = at + 1; k < end; k++) {
        if (!/^(in|during|by|from)$/.test(toks[k].lower)) continue;
        for (let j = k + 1; j < Math.min(end + 4, s.tokEnd, k + 9); j++) {
          if (!attackNouns.has(toks[j].lower)) continue;
          // to the end of the compound: "missile attack", "drone strike"
          while (j + 1 < s.tokEnd && toks[j + 1].pos === "NOUN") j++;
          // the actor must stand inside the attack's own phrase ("in a suspected PKK bomb attack"),
          // not in a place before it ("in Ukraine after a clash")
          const m = ms.find((x) => x.tokStart > k && x.tokStart < j && (x.actor || x.members?.length) && !x.parts.unidentified
            && toks.slice(k + 1, x.tokStart).every((t) => /^(DET|ADJ|ADV|VERB)$/.test(t.pos)) && toks.slice(x.tokEnd, j + 1).every((t) => /^(NOUN|PROPN|PUNCT|ADJ)$/.test(t.pos)));
          return m;
        }
      }
      return undefined;
    }

    /** A form of "be" or "get" a few words before `at`: a passive the windows may have missed. */
    function beBefore(at: number): boolean {
      for (let k = at - 1; k >= Math.max(s.tokStart, at - 6); k--) if (toks[k].lemma === "be" || toks[k].lemma === "get") return true;
      return false;
    }

    /** Whether the noun phrase ending at `at` is governed by one of the prepositions. */
    function nounAfter(at: number, preps: RegExp): boolean {
      let k = at - 1;
      while (k >= s.tokStart && /^(DET|ADJ|NUM|NOUN|PROPN)$/.test(toks[k].pos)) k--;
      return k >= s.tokStart && preps.test(toks[k].lower);
    }

    function placeRole(m: FoundMention, at: number, override: boolean): void {
      if (m.members || m.kind !== "role" || !m.parts.sector || m.parts.unidentified || m.parts.generic) return;
      // a role placed only by the article's other actors: people are of the place where they are, if it is named
      // (where that default is suspect: a passive's victims, "two civilians are killed in a Russian missile
      // attack on Sloviansk")
      if (m.actor && (m.parts.country || m.parts.sector !== "CIV" || !override)) return;
      const c = ctx.placeCountry?.(s.i, at);
      if (c && c !== "IGO") m.actor = { text: toks.slice(m.tokStart, m.tokEnd).map((t) => t.text).join(" "), country: c, sector: m.parts.sector as Sector, role: m.parts.role };
    }

    function eventsFor(trig: Trigger, at: number): EventCandidate[] {
      const p = trig.form.pattern;
      const isNoun = trig.form.kind === "noun";
      if (isEmbedded(toks, at, s.tokStart, triggerAt, isNoun)) return [];
      // the event noun of a light verb ("handed … a sharply worded protest") is that verb's
      if (isNoun && objectRanges.some(([a, b]) => a <= at && at < b)) return [];
      if (p.needsInfinitive && !infinitiveAfter(toks, trig.after, s.tokEnd)) return [];
      // "the arrest, prosecution and sentencing of Navalny": a gerund with "of" is a noun
      if (!isNoun && toks[at].lower.endsWith("ing") && toks[trig.after]?.lower === "of") return [];
      // "for fighting along the border": a gerund after a preposition names the act, it does not report it
      // ("responded by thanking the UAE" is done, though: "by" gives the means)
      if (!isNoun && toks[at].lower.endsWith("ing") && toks[at - 1]?.pos === "ADP" && toks[at - 1].lower !== "by") return [];
      // "what he called a provocation": naming, not a call
      if (p.type === "CONSULT" && toks.slice(Math.max(s.tokStart, at - 3), at).some((t) => t.lower === "what")) return [];
      // "called the move a smash and grab", "called it unlikely": naming, coded by the naming rule
      if (p.type === "CONSULT" && isNaming(toks, at, s.tokEnd)) return [];
      let subjects: FoundMention[];
      let targets: FoundMention[];
      let passive = false;
      const used = new Set<FoundMention>();
      if (isNoun) {
        // nominal event: the possessor or modifier before the noun ("His first meeting", "Israeli
        // air raid"), else "by X" / "of X" after it ("a visit by Pope Francis", "the trip … by the
        // Speaker"); the target after "to", "with", "between"
        const mod = ms.filter((m) => m.tokEnd <= at && m.tokEnd >= at - 3 && (m.actor || m.members) && !toks.slice(m.tokEnd, at).some((t) => t.pos === "VERB" || t.pos === "ADP" || t.pos === "PUNCT"));
        subjects = mod.length ? [mod[mod.length - 1]] : [];
        if (!subjects.length) {
          // "the meeting of the foreign ministers of …" is a gathering, not one party's act
          const agent = ms.find((m) => m.tokStart > at && m.tokStart <= at + 10 && (m.actor || m.members) && !m.parts.possessive && (prepBefore(toks, m, s.tokStart) === "by" || (prepBefore(toks, m, s.tokStart) === "of" && m.tokStart <= at + 3 && !m.parts.plural)));
          if (agent) subjects = [agent];
        }
        if (!subjects.length && tree()) subjects = nounAgent(tree()!, toks, ms, at);
        subjects.forEach((m) => used.add(m));
        // the noun's own target stands close to it, with no verb between
        let nounEnd = trig.after;
        while (nounEnd < s.tokEnd && nounEnd < trig.after + 12 && toks[nounEnd].pos !== "VERB") nounEnd++;
        targets = findTarget(toks, ms, trig.after, p.target, nounEnd, used);
        if (!targets.length && tree()) targets = treeTargets(tree()!, toks, ms, at, p.target.filter((x) => x !== "obj"), used);
        if (p.target.includes("between") && targets.length >= 2 && prepBefore(toks, targets[0], s.tokStart) === "between") {
          subjects = [targets[0]];
          targets = targets.slice(1);
        }
      } else if ((passive = isPassive(toks, at, s.tokStart) || (!/ing$/.test(toks[at].lower) && toks[at].lower !== toks[at].lemma && beBefore(at) && !!tree() && treePassive(tree()!, toks, at)))) {
        targets = nonEmpty(findSubject(toks, ms, at, s.tokStart)) ?? nonEmpty(tree() && treeSubjects(tree()!, toks, ms, at, true)) ?? [];
        targets.forEach((m) => used.add(m));
        subjects = findTarget(toks, ms, trig.after, ["by"], s.tokEnd, used);
        if (!subjects.length && tree()) subjects = treeAgent(tree()!, toks, ms, at).filter((m) => !used.has(m));
      } else {
        subjects = nonEmpty(findSubject(toks, ms, at, s.tokStart)) ?? nonEmpty(tree() && treeSubjects(tree()!, toks, ms, at)) ?? [];
        subjects.forEach((m) => used.add(m));
        // the light verb's object ("deployed troops", "put its army on alert") is what is used, not the target
        if (trig.object && !trig.form.objectIsActor) for (const m of ms) if (m.tokStart < trig.object[1] && m.tokEnd > trig.object[0]) used.add(m);
        targets = findTarget(toks, ms, trig.after, p.target, s.tokEnd, used);
        if (!targets.length && tree()) targets = treeTargets(tree()!, toks, ms, at, p.target, used, trig.object && !trig.form.objectIsActor ? trig.object[1] - 1 : undefined);
        // "handed the Chinese ambassador a sharply worded protest": the actor between a light
        // verb and its event noun is the one it is done to
        if (trig.object && !trig.form.objectIsActor) {
          const src0 = subjects[0]?.actor?.country;
          const indirect = ms.find((m) => m.tokStart > at && m.tokEnd <= trig.object![0] && m.actor && !m.parts.possessive && !used.has(m) && m.actor.country !== src0);
          if (indirect) targets = [indirect];
        }
        if (trig.form.objectIsActor && trig.object) {
          const obj = ms.find((m) => m.tokStart <= trig.object![0] && trig.object![0] < m.tokEnd);
          if (obj && !used.has(obj)) targets = [obj];
        }
      }
      // a verb that needs an actor as its direct object ("seized power" is no arrest)
      // ("seized weapons from armed groups": what is taken from an actor counts too)
      if (p.requiresActorObject && !isNoun && !isPassive(toks, at, s.tokStart) && !(targets.length && (/^(of)?$/.test(prepBefore(toks, targets[0], s.tokStart) ?? "") && directObject(toks, trig.after, targets[0].tokStart) || (prepBefore(toks, targets[0], s.tokStart) === "from" && targets[0].tokStart <= trig.after + 6 && !toks.slice(trig.after, targets[0].tokStart).some((t) => t.pos === "VERB" || t.text === ","))))) return [];
      // cooperation is done to actors, not to a demonym on another noun ("what he called an Armenian provocation")
      if (p.type === "CONSULT") targets = targets.filter((m) => !(m.parts.countryFrom === "demonym" && m.parts.head && !m.parts.role));
      // "demanded that the US cancel …": the one asked is the subject of the clause
      if (p.type === "REQUEST" && !isNoun) {
        // past a time phrase: "demanded on Friday that …"
        let k = trig.after;
        while (k < s.tokEnd && k < trig.after + 4 && toks[k].lower !== "that" && /^(ADV|ADP|PROPN|NOUN|PUNCT)$/.test(toks[k].pos) && !ms.some((m) => m.tokStart === k)) k++;
        if (toks[k]?.lower === "that") {
          const comp = complementTarget(scope, k, p.type, subjects[0]?.actor);
          if (comp) targets = [comp];
        }
      }
      // "called for Bazoum to be freed", "urged that the hostages be released": the one named is who
      // the act is done to, not who is asked to do it
      if (p.type === "REQUEST" && !isNoun && targets.length) {
        const e = targets[targets.length - 1].tokEnd;
        const to = toks[e]?.lower === "to" ? e + 1 : e;
        if (toks[to]?.lemma === "be" && toks[to + 1]?.pos === "VERB" && /(ed|en|wn|ht|lt)$/.test(toks[to + 1].lower)) targets = [];
      }
      // an unnamed person or crowd nobody has placed ("a woman is arrested … in Derby") is of the place where it acts
      for (const m of [...subjects, ...targets]) placeRole(m, at, passive);
      const srcActors = subjects.flatMap(actorsOf);
      let tgtActors = targets.flatMap(actorsOf);
      // "ten people are arrested in Russia": the state act's unnamed doer is the authority where it happened
      // (else, for a country's own people, their country's)
      // "are killed in a Russian missile attack", "died in an Israeli air strike": the attack's doer
      if (passive && !srcActors.length && tgtActors.length && (p.type === "ASSAULT" || p.type === "COERCE")) {
        const by = attackAgent(at);
        if (by) srcActors.push(...actorsOf(by));
      }
      if (passive && !srcActors.length && tgtActors.length && ctx.implicit) {
        const home = tgtActors.find((a) => a.country !== "IGO" && !a.role)?.country;
        const agent = implicitAgent(ctx.implicit, toks[at].lemma, ctx.placeCountry?.(s.i, at) ?? home);
        if (agent) srcActors.push(agent);
      }
      // "the two leaders agreed to work together on … a response to the UN's appeal": an act done together
      // by a group is between its members, not with someone named far into its complement
      const groupAct = SYMMETRIC.has(p.type) && srcActors.length >= 2 && !(targets.length && (/^(with|between)$/.test(prepBefore(toks, targets[0], s.tokStart) ?? "") || targets[0].tokStart <= trig.after + 3));
      if (groupAct) tgtActors = [];
      // forces moved are the mover's own ("put all units of its army on alert"): not its target
      if (p.type === "MOBILIZE") tgtActors = tgtActors.filter((a) => !srcActors.some((x) => x.country === a.country) || ["CIV", "OPP", "REB"].includes(a.sector));
      // "threatened to break relations with Russia", "urged Kyiv to …": the target of what is
      // threatened, asked or promised stands in the infinitive after the predicate
      if (!tgtActors.length && GOVERNING.has(p.type) && !isNoun && !groupAct) {
        // past adverbs and a time phrase: "threatened on Friday to cut …" ("offered to", "ready to":
        // the trigger ends with the "to")
        let k = toks[trig.after - 1]?.lower === "to" && trig.after - 1 > at ? trig.after - 1 : trig.after;
        while (k < s.tokEnd && k < trig.after + 5 && toks[k].lower !== "to" && /^(ADV|ADP|PROPN|NOUN|NUM|DET)$/.test(toks[k].pos) && !ms.some((m) => m.tokStart === k)) k++;
        if (toks[k]?.lower === "to" && (toks[k + 1]?.pos === "VERB" || toks[k + 1]?.pos === "AUX")) {
          let v2 = k + 1;
          while (v2 + 1 < s.tokEnd && (toks[v2 + 1].pos === "ADP" && /^(off|up|down|out)$/.test(toks[v2 + 1].lower))) v2++;
          // the source's own forces or people in the infinitive ("to withdraw its troops from Lebanon",
          // "to continue military aid to Mozambique") are what it acts with, not its target
          const own = new Set(ms.filter((m) => m.tokStart > v2 && actorsOf(m).length && actorsOf(m).every((a) => srcActors.some((x) => x.country === a.country))));
          tgtActors = findTarget(toks, ms, v2 + 1, ["obj", "with", "against", "on", "to", "from", "for"], s.tokEnd, new Set([...used, ...own])).flatMap(actorsOf)
            .filter((a) => !srcActors.some((x) => x.country === a.country));
        }
      }
      // statements about another party in a clause: "warned that it would hit back if Washington …"
      if (!tgtActors.length && COMPLEMENT_TYPES.has(p.type) && srcActors.length) {
        const comp = complementTarget(scope, trig.after, p.type, srcActors[0]);
        if (comp) tgtActors = actorsOf(comp);
      }
      // "called to congratulate Modi", "visited to attend …": a visit or call with no object of its own
      // is paid to the object of its purpose
      if (!tgtActors.length && PURPOSE_TYPES.has(p.type) && !isNoun && toks[trig.after]?.lower === "to" && toks[trig.after + 1]?.pos === "VERB") {
        tgtActors = findTarget(toks, ms, trig.after + 2, ["obj"], s.tokEnd, used).flatMap(actorsOf);
      }
      // "Moscow condemned the decision": a noun that takes up an act already reported points to its doer
      if (!tgtActors.length && ANAPHOR_TYPES.has(p.type) && srcActors.length) {
        const ante = anaphoricTarget(scope, trig.after, srcActors[0], out);
        if (ante) tgtActors = [ante];
      }
      // lifting a curfew or restrictions: done to the source's own population
      // (the people of the place named after it: "lifted a night curfew in Montenegro")
      if (!tgtActors.length && p.defaultTarget === "population" && srcActors.length === 1 && srcActors[0].country !== "IGO") {
        const place = ms.find((m) => m.tokStart >= trig.after && m.tokStart <= trig.after + 4 && m.actor && prepBefore(toks, m, s.tokStart) === "in");
        tgtActors = [{ text: "population", country: place?.actor?.country ?? srcActors[0].country, sector: "CIV" }];
      }
      // a demonstration reported with no one named: the people of the place, against their government
      // ("Protests continue in cities across the United States", "injured in similar protests in Cairo":
      // the place where it happens first, else the country the sentence names)
      // (not what something was done to: "the suppression of protests", "months of protests")
      if (p.type === "PROTEST" && isNoun && !srcActors.length && /^(protests?|demonstrations?|rall(y|ies)|riots?|strikes?)$/.test(toks[at].lower) && (at === s.tokStart || /^(DET|ADJ|NUM|NOUN|PROPN|ADP|PUNCT)$/.test(toks[at - 1].pos)) && !nounAfter(at, /^of$/)) {
        const local = ctx.placeCountry?.(s.i, at) ?? ms.find((m) => m.actor && m.actor.country !== "IGO" && m.kind !== "pronoun")?.actor?.country;
        if (local && local !== "IGO") srcActors.push({ text: "protesters", country: local, sector: "CIV" });
      }
      // a strike or protest called off is conceded to the government it was against
      if (!tgtActors.length && p.defaultTarget === "government" && srcActors.length === 1 && srcActors[0].country !== "IGO" && srcActors[0].sector !== "GOV") {
        tgtActors = [{ text: "government", country: srcActors[0].country, sector: "GOV" }];
      }
      if (p.type === "PROTEST" && srcActors.length && !tgtActors.length) {
        tgtActors = [{ text: "government", country: srcActors[0].country, sector: "GOV" }];
      }
      if (p.subjectSectors && !srcActors.some((a) => p.subjectSectors!.includes(a.sector))) return [];
      if (p.requiresJoint && !(trig.object && toks.slice(Math.max(s.tokStart, trig.object[0] - 3), trig.object[1]).some((t) => t.lower === "joint"))) return [];
      if (p.excludeJoint && trig.object && toks.slice(Math.max(s.tokStart, trig.object[0] - 3), trig.object[1]).some((t) => t.lower === "joint")) return [];
      // coordinated subjects with no target: "A and B met", "Indian and Chinese soldiers clashed"
      const pairs: [Actor, Actor][] = [];
      const reciprocal = !!p.reciprocal || SYMMETRIC.has(p.type);
      const fact0 = factuality(toks, at, subjects.length ? subjects[subjects.length - 1].tokEnd : s.tokStart, s.tokStart, isNoun);
      // "A and B met": pairs among coordinated subjects, for acts done together and done now
      if (!tgtActors.length && srcActors.length >= 2 && reciprocal && (fact0 !== "future" || SYMMETRIC.has(p.type))) {
        for (let i = 0; i < srcActors.length; i++) for (let j = i + 1; j < srcActors.length; j++) {
          pairs.push([srcActors[i], srcActors[j]]);
          if (p.reciprocal && !SYMMETRIC.has(p.type)) pairs.push([srcActors[j], srcActors[i]]);
        }
      } else {
        for (const a of srcActors) for (const b of tgtActors) {
          pairs.push([a, b]);
          if (p.reciprocal && !SYMMETRIC.has(p.type)) pairs.push([b, a]);
        }
      }
      if (!pairs.length) return [];
      const fact = fact0;
      let type: PlovType = p.type;
      let cameo = p.cameo;
      let mode = p.mode;
      if (fact === "negated" || fact === "hypothetical" || fact === "background") return [];
      if (p.requiresFuture && fact !== "future") return [];
      if (fact === "future") {
        if (type === "THREATEN" || type === "AGREE" || type === "REQUEST") { /* already about the future */ }
        else if (COOPERATIVE.has(type)) { cameo = type === "CONSULT" ? "036" : "030"; type = "AGREE"; mode = undefined; }
        // "said they would boycott all contact with the United States": harm announced by the
        // one who would do it is a threat
        else if (announcedBySource(scope, at, srcActors[0])) { cameo = "130"; type = "THREATEN"; mode = undefined; }
        else return [];
      }
      const evs: EventCandidate[] = [];
      // a party reporting force used against it accuses the other side: "China's military said
      // Indian troops had obstructed Chinese border guards"
      const speaker = MATERIAL_CONFLICT.has(type) && !isNoun ? speakerBefore(scope, at) : undefined;
      for (const [a, b] of pairs) {
        if (speaker && speaker.country === b.country && speaker.country !== a.country && a.country !== "---") {
          evs.push({ type: "ACCUSE", cameo: "112", source: speaker, target: a, sent: s.i, trigger: at, pattern: `${p.id}+claim`, date: doc.article.date, confidence: 0.6 });
        }
        if (sameActor(a, b)) continue;
        // a ban or blacklisting of another country's people or firms is a sanction ("Germany bans Mahan Air of Iran")
        const ofAnother = type === "COERCE" && /^(ban|blacklist|bar)$/.test(toks[at].lemma) && a.country !== b.country && a.country !== "IGO";
        // "repeated its demand": the doer's own possessive is no one it acts on
        if (a.country === b.country && /^(its|their|his|her|our|my)$/i.test(b.text)) continue;
        if (a.country === "---" || b.country === "---") continue;
        evs.push({
          type: ofAnother ? "SANCTION" : type, mode, cameo: ofAnother ? "163" : fact === "future" && p.type === "CONSULT" ? "036" : cameo,
          source: actingSector(a, type), target: b,
          sent: s.i, trigger: at, pattern: p.id,
          date: doc.article.date,
          confidence: fact === "future" ? 0.6 : 0.8,
        });
      }
      return evs;
    }
  }
  return out;
}
