// Event extraction: for each trigger, its source and target actors, checked
// for factuality, turned into event candidates. Future cooperative acts
// become AGREE; future or unreal conflict is dropped unless a threat.
import type { Actor, ArticleDoc, EventCandidate, PlovType, Sector, Token } from "../../doc/types.js";
import type { FoundMention } from "../actors/mentions.js";
import { findSubject, findTarget, isPassive, prepBefore } from "./arguments.js";
import { factuality, isEmbedded } from "./filters.js";
import type { PatternIndex } from "./patterns.js";
import { findTriggers, type Trigger } from "./triggers.js";

const COOPERATIVE = new Set<PlovType>(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);
const SYMMETRIC = new Set<PlovType>(["CONSULT", "AGREE", "COOPERATE"]);
const QUOTE_CLOSE = /["”]/;

function actorsOf(m: FoundMention): Actor[] {
  if (m.members?.length) return m.members;
  return m.actor ? [m.actor] : [];
}

/** "We" and "our" in a quote: the speaker named after the quote, or the last subject. */
function speakerFor(m: FoundMention, sentMentions: FoundMention[], toks: Token[], prevSubject?: Actor): Actor | undefined {
  const s = m.sent;
  const closeAt = toks.findIndex((t, k) => k > m.tokStart && t.sent === s && QUOTE_CLOSE.test(t.text));
  if (closeAt >= 0) {
    const after = sentMentions.find((x) => x.tokStart > closeAt && x.actor && x.kind !== "pronoun");
    if (after?.actor) return after.actor;
    const pron = sentMentions.find((x) => x.tokStart > closeAt && x.actor);
    if (pron?.actor) return pron.actor;
  }
  return prevSubject;
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

export function extractEvents(doc: ArticleDoc, mentions: FoundMention[], index: PatternIndex): EventCandidate[] {
  const toks = doc.tokens;
  const out: EventCandidate[] = [];
  let prevSubject: Actor | undefined;
  for (const s of doc.sentences) {
    const ms = mentions.filter((m) => m.sent === s.i);
    // speaker for first-person pronouns
    for (const m of ms) {
      if (m.kind === "pronoun" && !m.actor && ["we", "us", "i"].includes(m.parts.pronoun!)) {
        const sp = speakerFor(m, ms, toks, prevSubject);
        if (sp) m.actor = { ...sp, text: toks[m.tokStart].text };
      }
    }
    const triggers = findTriggers(toks, s, index);
    const triggerAt = new Set(triggers.map((t) => t.at));
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
        if (evs.length) { out.push(...evs); break; }
      }
    }
    const firstSubj = ms.find((m) => m.actor && !prepBefore(toks, m, s.tokStart));
    if (firstSubj?.actor) prevSubject = firstSubj.actor;

    function eventsFor(trig: Trigger, at: number): EventCandidate[] {
      const p = trig.form.pattern;
      const isNoun = trig.form.kind === "noun";
      if (isEmbedded(toks, at, s.tokStart, triggerAt)) return [];
      let subjects: FoundMention[];
      let targets: FoundMention[];
      const used = new Set<FoundMention>();
      if (isNoun) {
        // nominal event: "talks between A and B", "A's visit to B", "talks with B"
        const mod = ms.filter((m) => m.tokEnd <= at && m.tokEnd >= at - 2 && (toks[m.tokEnd]?.lower === "'s" || m.tokEnd === at || toks[m.tokEnd - 1]?.lower === "'s"));
        subjects = mod.length ? [mod[mod.length - 1]] : findSubject(toks, ms, at, s.tokStart);
        subjects.forEach((m) => used.add(m));
        targets = findTarget(toks, ms, trig.after, p.target, s.tokEnd, used);
        if (p.target.includes("between") && targets.length >= 2 && prepBefore(toks, targets[0], s.tokStart) === "between") {
          subjects = [targets[0]];
          targets = targets.slice(1);
        }
      } else if (isPassive(toks, at, s.tokStart)) {
        targets = findSubject(toks, ms, at, s.tokStart);
        targets.forEach((m) => used.add(m));
        subjects = findTarget(toks, ms, trig.after, ["by"], s.tokEnd, used);
      } else {
        subjects = findSubject(toks, ms, at, s.tokStart);
        subjects.forEach((m) => used.add(m));
        targets = findTarget(toks, ms, trig.after, p.target, s.tokEnd, used);
        if (trig.form.objectIsActor && trig.object) {
          const obj = ms.find((m) => m.tokStart <= trig.object![0] && trig.object![0] < m.tokEnd);
          if (obj && !used.has(obj)) targets = [obj];
        }
      }
      let srcActors = subjects.flatMap(actorsOf);
      let tgtActors = targets.flatMap(actorsOf);
      if (p.subjectSectors && !srcActors.some((a) => p.subjectSectors!.includes(a.sector))) return [];
      if (p.requiresJoint && !(trig.object && toks.slice(Math.max(s.tokStart, trig.object[0] - 3), trig.object[1]).some((t) => t.lower === "joint"))) return [];
      if (p.excludeJoint && trig.object && toks.slice(Math.max(s.tokStart, trig.object[0] - 3), trig.object[1]).some((t) => t.lower === "joint")) return [];
      // coordinated subjects with no target: "A and B met", "Indian and Chinese soldiers clashed"
      const pairs: [Actor, Actor][] = [];
      const reciprocal = !!p.reciprocal || SYMMETRIC.has(p.type);
      if (!tgtActors.length && srcActors.length >= 2 && reciprocal) {
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
      const fact = factuality(toks, at, subjects.length ? subjects[subjects.length - 1].tokEnd : s.tokStart, s.tokStart, isNoun);
      let type: PlovType = p.type;
      let cameo = p.cameo;
      let mode = p.mode;
      if (fact === "negated" || fact === "hypothetical" || fact === "background") return [];
      if (fact === "future") {
        if (type === "THREATEN" || type === "AGREE" || type === "REQUEST") { /* already about the future */ }
        else if (COOPERATIVE.has(type)) { cameo = type === "CONSULT" ? "036" : "030"; type = "AGREE"; mode = undefined; }
        else return [];
      }
      const evs: EventCandidate[] = [];
      for (const [a, b] of pairs) {
        if (sameActor(a, b)) continue;
        if (a.country === "---" || b.country === "---") continue;
        evs.push({
          type, mode, cameo,
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
