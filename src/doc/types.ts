// The typed document that flows through the coder's stages, and the records
// that come in (ArticleInput) and go out (CodedEvent).

/** One article as read from a file, a JSON line or stdin, before analysis. */
export interface ArticleInput {
  /** Input id, else url, else a content hash (set by ingest). */
  id: string;
  url?: string;
  /** The outlet that published it ("Reuters"), where the input names one. */
  source?: string;
  /** ISO date YYYY-MM-DD, validated by ingest. */
  date: string;
  title?: string;
  text: string;
  /** Where it came from, for error messages: file and line (1-based). */
  origin?: { file: string; line?: number };
}

/** A problem with one input record: reported, counted, skipped. */
export interface InputProblem {
  file: string;
  line?: number;
  code: string;
  message: string;
}

export type PlovType =
  | "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" | "COOPERATE" | "AID" | "RETREAT"
  | "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" | "PROTEST" | "SANCTION"
  | "MOBILIZE" | "COERCE" | "ASSAULT";

export type Sector =
  | "GOV" | "MIL" | "LEG" | "JUD" | "POL" | "OPP" | "PTY" | "REB" | "BUS" | "MED"
  | "NGO" | "CIV" | "REL" | "EDU" | "HLH" | "IGO" | "OTH";

export interface Token {
  /** Index in the document's token array. */
  i: number;
  text: string;
  /** Lower-cased text. */
  lower: string;
  lemma: string;
  /** Universal POS tag from wink-nlp. */
  pos: string;
  /** Character offsets in the article text (end exclusive). */
  start: number;
  end: number;
  /** Index of the sentence that holds it. */
  sent: number;
  /** Dependency head: absolute index in the document's tokens, -1 for the sentence root (set by the parser). */
  head?: number;
  /** Universal Dependencies relation to the head (nsubj, obj, obl:agent …), set by the parser. */
  dep?: string;
  /** UPOS tag from dyad's own tagger, where the parser ran (`pos` keeps wink-nlp's tag). */
  upos?: string;
}

export interface Sentence {
  i: number;
  start: number;
  end: number;
  /** Token index range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  text: string;
}

/** A resolved actor: the country (ISO3, IGO or ---) and sector it stands for. */
export interface Actor {
  /** What the text says, e.g. "Pakistani Foreign Minister Mohammad Ishaq Dar". */
  text: string;
  /** The person's or body's name, where one is given. */
  name?: string;
  country: string;
  sector: Sector;
  role?: string;
  /** For IGOs: the organisation's short code (UN, EU, ECOWAS). */
  igo?: string;
}

export type MentionKind =
  | "country"     // Iran, Iranian officials, Tehran (metonym)
  | "igo"         // the United Nations, ECOWAS
  | "person"      // a named person, with or without title
  | "role"        // a title without a name: "the foreign minister", "police"
  | "group"       // a named organisation, party or armed group
  | "pronoun"     // he, she, it, they
  | "plural";     // the two sides, both countries

/** A span of text that names or refers to an actor. */
export interface ActorMention {
  kind: MentionKind;
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  sent: number;
  /** Resolved actor; absent until resolution, or when it cannot be resolved. */
  actor?: Actor;
  /** For plural mentions resolved to several actors ("the two sides"). */
  members?: Actor[];
  /** A person's surname, to resolve later surname-only mentions. */
  surname?: string;
  /** True when the mention is only an adjective/modifier inside a larger noun phrase not about an actor ("Iranian issue"). */
  modifierOnly?: boolean;
}

export interface EventPattern {
  /** Id of the verb-pattern entry that fired, for debugging. */
  id: string;
  type: PlovType;
  cameo: string;
  mode?: string;
}

/** An event found in a sentence, before de-duplication. */
export interface EventCandidate {
  type: PlovType;
  mode?: string;
  cameo: string;
  source: Actor;
  target: Actor;
  sent: number;
  /** Token index of the trigger (verb or noun). */
  trigger: number;
  pattern: string;
  date: string;
  location?: Place;
  confidence: number;
}

export interface Place {
  name: string;
  country: string;
  lat?: number;
  lon?: number;
}

/** The document passed from stage to stage. Each stage fills its part. */
export interface ArticleDoc {
  article: ArticleInput;
  /** Text the offsets refer to (the article text, unchanged). */
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  /** Place named by the dateline ("ISLAMABAD:"), if any. */
  dateline?: Place;
  /** Character offset where the dateline ends ("ISLAMABAD, June 10 -"), if there is one. */
  datelineEnd?: number;
  /** Character offset where the body starts after a dateline, if any. */
  mentions: ActorMention[];
  events: EventCandidate[];
}

/** One output record: an event with its evidence, as printed by `dyad extract`. */
export interface CodedEvent {
  article: string;
  event: string;
  date: string;
  type: PlovType;
  mode?: string;
  source: Actor;
  target: Actor;
  location?: Place;
  cameo: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
  evidence: { sentence: number; start: number; end: number; text: string; spans?: EvidenceSpans };
  confidence: number;
}

/** Where in the article text (character offsets, end exclusive) the predicate and the two actors are. */
export interface EvidenceSpans {
  trigger?: [number, number];
  source?: [number, number];
  target?: [number, number];
}
