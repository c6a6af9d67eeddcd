// The PostgreSQL schema as numbered, forward-only migrations, the same logical
// tables as the SQLite store (sqlite-schema.ts). Each migration applied is a
// row of schema_migrations; connecting applies the rest under an advisory lock,
// so several workers (or `dyad migrate`) starting at once do not race, and a
// store from a newer dyad is refused rather than misread.
//
// Differences from SQLite, on purpose:
// - `events` is partitioned by month on its DATE column: the primary key is
//   (id, date), ids come from one sequence (unique across partitions), and
//   monthly partitions `events_YYYY_MM` are created on demand before the first
//   event of a month is written (pg.ts); a DEFAULT partition catches the rest.
// - `mentions` carries `event_date`, so it can reference events(id, date), and
//   a `seq` (insertion order, SQLite's rowid) to tell an event's first report.
// - `articles` has a `seq` too, for recoding in the order articles were stored.
// - Full-text search is a generated tsvector ('english', so words are stemmed
//   and stop words ignored) with a GIN index, where SQLite has FTS5.
// - Text that is compared or sorted uses the "C" collation, so orderings match
//   SQLite's byte order whatever the database's locale.

/** Each entry upgrades the schema from version i to i + 1 (version numbers start at 1). */
export const PG_MIGRATIONS: string[] = [
  // 1: the event store
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE articles (
    id        TEXT COLLATE "C" PRIMARY KEY,
    seq       BIGSERIAL NOT NULL UNIQUE,          -- the order articles were stored in
    url       TEXT COLLATE "C" UNIQUE,
    source    TEXT COLLATE "C" NOT NULL,          -- outlet: url host, the record's source, or ''
    date      DATE NOT NULL,
    title     TEXT,
    text_hash TEXT COLLATE "C" NOT NULL UNIQUE,   -- of whitespace-normalised text
    text      TEXT NOT NULL,
    minhash   BYTEA,                              -- near-duplicate signature (near-duplicate.ts)
    added     TIMESTAMPTZ NOT NULL
  );

  CREATE TABLE actors (
    id      BIGSERIAL PRIMARY KEY,
    name    TEXT COLLATE "C" NOT NULL,
    country TEXT COLLATE "C" NOT NULL,
    sector  TEXT COLLATE "C" NOT NULL,
    role    TEXT COLLATE "C" NOT NULL DEFAULT '',
    UNIQUE (name, country, sector, role)
  );

  CREATE TABLE places (
    id      BIGSERIAL PRIMARY KEY,
    name    TEXT COLLATE "C" NOT NULL,
    country TEXT COLLATE "C" NOT NULL,
    lat     DOUBLE PRECISION,
    lon     DOUBLE PRECISION,
    UNIQUE (name, country)
  );

  -- Country and sector are copied from the actors so filters need no join.
  CREATE TABLE events (
    id             BIGSERIAL NOT NULL,
    date           DATE NOT NULL,
    type           TEXT COLLATE "C" NOT NULL,
    mode           TEXT,
    cameo          TEXT COLLATE "C" NOT NULL,
    quad           SMALLINT NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL,
    source_actor   BIGINT NOT NULL REFERENCES actors(id),
    target_actor   BIGINT NOT NULL REFERENCES actors(id),
    source_country TEXT COLLATE "C" NOT NULL,
    source_sector  TEXT COLLATE "C" NOT NULL,
    target_country TEXT COLLATE "C" NOT NULL,
    target_sector  TEXT COLLATE "C" NOT NULL,
    place          BIGINT REFERENCES places(id),
    place_country  TEXT COLLATE "C",
    num_mentions   INTEGER NOT NULL,
    num_articles   INTEGER NOT NULL,
    num_sources    INTEGER NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL,
    first_article  TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    added          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id, date)
  ) PARTITION BY RANGE (date);
  CREATE TABLE events_default PARTITION OF events DEFAULT;
  CREATE INDEX events_date ON events (date);
  CREATE INDEX events_pair ON events (source_country, target_country, date);
  CREATE INDEX events_source ON events (source_country, date);
  CREATE INDEX events_target ON events (target_country, date);
  CREATE INDEX events_type ON events (type, date);
  CREATE INDEX events_cameo ON events (cameo);
  CREATE INDEX events_quad ON events (quad, date);
  CREATE INDEX events_place ON events (place_country, date);

  -- One report of an event: an article, a sentence, the evidence offsets.
  CREATE TABLE mentions (
    seq           BIGSERIAL NOT NULL UNIQUE,      -- insertion order (SQLite's rowid)
    event_id      BIGINT NOT NULL,
    event_date    DATE NOT NULL,
    article_id    TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence      INTEGER NOT NULL,
    ev_start      INTEGER NOT NULL,               -- evidence offsets in the article text
    ev_end        INTEGER NOT NULL,
    evidence      TEXT NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    source_text   TEXT NOT NULL,
    target_text   TEXT NOT NULL,
    trigger_start INTEGER,                        -- where the predicate and the actors are in the text
    trigger_end   INTEGER,
    source_start  INTEGER,
    source_end    INTEGER,
    target_start  INTEGER,
    target_end    INTEGER,
    evidence_tsv  TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', evidence)) STORED,
    PRIMARY KEY (event_id, article_id, sentence),
    FOREIGN KEY (event_id, event_date) REFERENCES events (id, date) ON DELETE CASCADE
  );
  CREATE INDEX mentions_article ON mentions (article_id);
  CREATE INDEX mentions_evidence ON mentions USING GIN (evidence_tsv);

  -- Syndicated copies: one article, several outlets (MinHash signature and LSH bands to find them).
  CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
  );
  CREATE INDEX article_bands_article ON article_bands (article_id);
  CREATE TABLE article_copies (
    copy_id    TEXT COLLATE "C" PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url        TEXT COLLATE "C" UNIQUE,
    source     TEXT COLLATE "C" NOT NULL,
    date       DATE NOT NULL,
    title      TEXT,
    text_hash  TEXT COLLATE "C" NOT NULL,
    similarity DOUBLE PRECISION NOT NULL,
    added      TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX article_copies_article ON article_copies (article_id);
  CREATE INDEX article_copies_hash ON article_copies (text_hash);

  -- Files seen by "dyad watch", so a restart codes only what is new or changed.
  CREATE TABLE watched_files (
    path     TEXT PRIMARY KEY,
    size     BIGINT NOT NULL,
    mtime_ms DOUBLE PRECISION NOT NULL,
    seen     TIMESTAMPTZ NOT NULL
  );
  `,
  // 2: the job queue (src/queue): one job per article, claimed with FOR UPDATE SKIP LOCKED
  `
  CREATE TABLE jobs (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    payload JSONB NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','done','dead')),
    attempts INT NOT NULL DEFAULT 0,
    max_attempts INT NOT NULL DEFAULT 5,
    run_after TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_at TIMESTAMPTZ, worker_pid INT, worker_started TIMESTAMPTZ,
    finished_at TIMESTAMPTZ, last_error TEXT,
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX jobs_ready ON jobs (run_after, id) WHERE state = 'queued';
  CREATE INDEX jobs_state ON jobs (state);
  `,
  // 3: a url no longer identifies an article by itself: records with ids of
  // their own may share one (a digest page's url on each of its items)
  `
  ALTER TABLE articles DROP CONSTRAINT IF EXISTS articles_url_key;
  ALTER TABLE article_copies DROP CONSTRAINT IF EXISTS article_copies_url_key;
  CREATE INDEX articles_url ON articles (url);
  CREATE INDEX article_copies_url ON article_copies (url);
  `,
];

/** Tables of a dyad store, to tell a database that holds someone else's tables of the same names. */
export const PG_STORE_TABLES = ["meta", "articles", "actors", "places", "events", "mentions", "article_bands", "article_copies", "watched_files", "jobs"];
