// The API's OpenAPI 3.1 description, served at /api/openapi.json. Written out
// from the same parameter names the handlers check, so the two stay in step.
import { PLOV_TYPES, SECTORS } from "../lexicon/index.js";
import { coderVersion } from "../pipeline/coder-version.js";

type Param = { name: string; in: "query" | "path"; required?: boolean; description: string; schema: Record<string, unknown> };

const country = { type: "string", pattern: "^[A-Za-z]{3}$", examples: ["IRN"] };
const FILTERS: Param[] = [
  { name: "actor", description: "country on either side (ISO 3166-1 alpha-3, or IGO)", schema: country },
  { name: "source", description: "the doer's country", schema: country },
  { name: "target", description: "the target's country (with source: a directed pair)", schema: country },
  { name: "between", description: "two countries, either direction: A,B", schema: { type: "string", examples: ["IRN,PAK"] } },
  { name: "sector", description: "sector on either side", schema: { type: "string", enum: [...SECTORS] } },
  { name: "sourceSector", description: "the doer's sector", schema: { type: "string", enum: [...SECTORS] } },
  { name: "targetSector", description: "the target's sector", schema: { type: "string", enum: [...SECTORS] } },
  { name: "type", description: `PLOVER types, comma-separated (${PLOV_TYPES.join(", ")})`, schema: { type: "string", examples: ["CONSULT,AGREE"] } },
  { name: "cameo", description: "CAMEO code or prefix", schema: { type: "string", pattern: "^\\d{2,4}$" } },
  { name: "quad", description: "quad classes, comma-separated: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict", schema: { type: "string", examples: ["3,4"] } },
  { name: "since", description: "first event date, inclusive", schema: { type: "string", format: "date" } },
  { name: "until", description: "last event date, inclusive", schema: { type: "string", format: "date" } },
  { name: "place", description: "country where the event happened", schema: country },
  { name: "text", description: "words that must all appear in an evidence sentence", schema: { type: "string", maxLength: 500 } },
  { name: "article", description: "events reported by this article", schema: { type: "string" } },
].map((p) => ({ ...p, in: "query" as const }));

const q = (name: string, description: string, schema: Record<string, unknown>): Param => ({ name, in: "query", description, schema });
const top = (dflt: number, max: number) => q("top", `how many rows (default ${dflt})`, { type: "integer", minimum: 1, maximum: max, default: dflt });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (schema: Record<string, unknown>, description = "OK") => ({ description, content: { "application/json": { schema } } });
const bad = { description: "a parameter is invalid; error.param names it", content: { "application/json": { schema: ref("Error") } } };
const notFound = { description: "not found", content: { "application/json": { schema: ref("Error") } } };

const actor = { type: "object", required: ["name", "country", "sector"], properties: { name: { type: "string" }, country: { type: "string" }, sector: { type: "string" }, role: { type: "string" } } };
const span = { type: "array", items: { type: "integer" }, minItems: 2, maxItems: 2 };

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "dyad event store API", version: coderVersion(), description: "Political events coded from news by dyad: PLOVER type, CAMEO code, Goldstein score, actors, place, date, and the evidence of every report." },
    paths: {
      "/api/health": { get: { summary: "the store's size and the coder that made it", responses: { 200: ok({ type: "object" }) } } },
      "/api/events": {
        get: {
          summary: "events matching the filters, paged by cursor",
          parameters: [...FILTERS, q("limit", "events per page (default 100)", { type: "integer", minimum: 1, maximum: 1000, default: 100 }),
            q("order", "by event date", { type: "string", enum: ["desc", "asc"], default: "desc" }), q("cursor", "nextCursor of the previous page", { type: "string" }),
            q("total", "also count every matching event (costs a count over the store)", { type: "boolean", default: false })],
          responses: { 200: ok({ type: "object", properties: { events: { type: "array", items: ref("Event") }, nextCursor: { type: ["string", "null"], description: "null on the last page" }, total: { type: "integer" } } }), 400: bad },
        },
      },
      "/api/events.csv": {
        get: { summary: "every matching event as CSV (dyad's columns), oldest first", parameters: [...FILTERS, q("order", "by event date", { type: "string", enum: ["asc", "desc"], default: "asc" })], responses: { 200: { description: "CSV with a header", content: { "text/csv": {} } }, 400: bad } },
      },
      "/api/events/{id}": {
        get: { summary: "one event and every report of it", parameters: [{ name: "id", in: "path", required: true, description: "event id", schema: { type: "integer" } }], responses: { 200: ok({ type: "object", properties: { event: ref("Event"), mentions: { type: "array", items: ref("Mention") } } }), 400: bad, 404: notFound } },
      },
      "/api/articles/{id}": {
        get: { summary: "one article: its text, and each event it reports with the evidence, predicate and actor spans; a syndicated copy's id answers with the story it copies (and `copy` set)", parameters: [{ name: "id", in: "path", required: true, description: "article id (URL-encoded)", schema: { type: "string" } }], responses: { 200: ok({ type: "object" }), 404: notFound } },
        },
      "/api/dyads": { get: { summary: "the busiest country pairs, both directions together", parameters: [...FILTERS, top(50, 500)], responses: { 200: ok({ type: "object" }), 400: bad } } },
      "/api/timeline": { get: { summary: "events per period with the mean Goldstein score and events per quad class (empty periods filled)", parameters: [...FILTERS, q("by", "period (weeks start on Monday)", { type: "string", enum: ["day", "week", "month", "year"], default: "week" })], responses: { 200: ok({ type: "object" }), 400: bad } } },
      "/api/actors": { get: { summary: "countries by number of events, as doer and as target", parameters: [...FILTERS, top(100, 1000)], responses: { 200: ok({ type: "object" }), 400: bad } } },
      "/api/places": { get: { summary: "places of events with their coordinates and counts", parameters: [...FILTERS, top(500, 5000)], responses: { 200: ok({ type: "object" }), 400: bad } } },
      "/api/articles": {
        post: {
          summary: "code articles and store their events (needs the server's token); the reply counts articles coded and stored (`stored`), stored as other outlets' copies of stored stories (`copies`), and skipped as stored already (`alreadyStored`, by `alreadyStoredBy` id, text or url)",
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { "application/json": { schema: { oneOf: [ref("ArticleIn"), { type: "array", items: ref("ArticleIn") }] } } } },
          responses: { 200: ok({ type: "object" }), 400: bad, 401: { description: "missing or wrong token" }, 403: { description: "writes are off on this server" }, 413: { description: "body too large" } },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: { type: "object", properties: { error: { type: "object", properties: { param: { type: "string" }, message: { type: "string" } }, required: ["message"] } } },
        Event: {
          type: "object",
          properties: {
            id: { type: "integer" }, date: { type: "string", format: "date" }, type: { type: "string", enum: [...PLOV_TYPES] }, mode: { type: "string" },
            cameo: { type: "string" }, goldstein: { type: "number" }, quad: { type: "integer", enum: [1, 2, 3, 4] }, source: actor, target: actor,
            place: { type: "object", properties: { name: { type: "string" }, country: { type: "string" }, lat: { type: "number" }, lon: { type: "number" } } },
            numMentions: { type: "integer" }, numArticles: { type: "integer" }, numSources: { type: "integer" }, confidence: { type: "number" },
            firstArticle: { type: "string" }, sourceUrl: { type: "string" }, outlet: { type: "string" }, evidence: { type: "string" }, evidenceSentence: { type: "integer" }, added: { type: "string" },
          },
        },
        Mention: {
          type: "object",
          properties: {
            eventId: { type: "integer" }, articleId: { type: "string" }, sentence: { type: "integer" }, start: { type: "integer" }, end: { type: "integer" },
            evidence: { type: "string" }, confidence: { type: "number" }, sourceText: { type: "string" }, targetText: { type: "string" },
            spans: { type: "object", properties: { trigger: span, source: span, target: span } },
            articleDate: { type: "string" }, articleUrl: { type: "string" }, articleSource: { type: "string" }, articleTitle: { type: "string" },
          },
        },
        ArticleIn: { type: "object", required: ["date", "text"], properties: { id: { type: ["string", "number"] }, url: { type: "string" }, source: { type: "string" }, date: { type: "string" }, title: { type: "string" }, text: { type: "string" } } },
      },
    },
  };
}
