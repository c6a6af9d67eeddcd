// Builds WARC records for the intake tests and bench with warcio, an
// independent writer, so the reader is checked against archives it did not
// write itself. Not used when reading.
import { WARCRecord, WARCSerializer } from "warcio";

export interface RecordSpec {
  type: "warcinfo" | "request" | "response" | "resource" | "metadata" | "revisit";
  url?: string;
  /** WARC-Date, ISO 8601. */
  date?: string;
  /** HTTP status line for response records; default "HTTP/1.1 200 OK". */
  statusline?: string;
  httpHeaders?: Record<string, string>;
  body?: string | Uint8Array;
}

/**
 * One serialized record; with `gzip`, a gzip member of its own, as crawlers
 * write .warc.gz files.
 * @example Buffer.concat([await warcRecord({ type: "response", url, body: html }, true), …])
 */
export async function warcRecord(spec: RecordSpec, gzip = false): Promise<Buffer> {
  const body = typeof spec.body === "string" ? new TextEncoder().encode(spec.body) : spec.body ?? new Uint8Array();
  const record = WARCRecord.create(
    {
      type: spec.type,
      ...(spec.url ? { url: spec.url } : {}),
      date: spec.date ?? "2024-06-11T10:00:00Z",
      ...(spec.statusline ? { statusline: spec.statusline } : {}),
      ...(spec.httpHeaders ? { httpHeaders: spec.httpHeaders } : {}),
    },
    [body],
  );
  return Buffer.from(await WARCSerializer.serialize(record, { gzip }));
}
