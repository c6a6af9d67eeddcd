// The SQLite schema as numbered, forward-only migrations. A store records the
// last one applied (PRAGMA user_version); opening it applies the rest, and a
// store from a newer dyad is refused rather than misread.

/** Each entry upgrades the schema from version i to i + 1. */
export const SQLITE_MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE articles (
    id        TEXT PRIMARY KEY,
    url       TEXT UNIQUE,
    source    TEXT NOT NULL,          -- outlet: url host, the record's source, or ''
    date      TEXT NOT NULL,
    title     TEXT,
    text_hash TEXT NOT NULL UNIQUE,   -- of whitespace-normalised text
    text      TEXT NOT NULL,
    added     TEXT NOT NULL
  );

  CREATE TABLE actors (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT NOT NULL,
    sector  TEXT NOT NULL,
    role    TEXT NOT NULL DEFAULT '',
    UNIQUE (name, country, sector, role)
  );

  CREATE TABLE places (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT NOT NULL,
    lat     REAL,
    lon     REAL,
    UNIQUE (name, country)
  );

  -- Country and sector are copied from the actors so filters need no join.
  CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    date           TEXT NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    cameo          TEXT NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    source_actor   INTEGER NOT NULL REFERENCES actors(id),
    target_actor   INTEGER NOT NULL REFERENCES actors(id),
    source_country TEXT NOT NULL,
    source_sector  TEXT NOT NULL,
    target_country TEXT NOT NULL,
    target_sector  TEXT NOT NULL,
    place          INTEGER REFERENCES places(id),
    place_country  TEXT,
    num_mentions   INTEGER NOT NULL,
    num_articles   INTEGER NOT NULL,
    num_sources    INTEGER NOT NULL,
    confidence     REAL NOT NULL,
    first_article  TEXT NOT NULL REFERENCES articles(id),
    added          TEXT NOT NULL
  );
  CREATE INDEX events_date ON events (date);
  CREATE INDEX events_pair ON events (source_country, target_country, date);
  CREATE INDEX events_target ON events (target_country, date);
  CREATE INDEX events_type ON events (type, date);
  CREATE INDEX events_cameo ON events (cameo);
  CREATE INDEX events_quad ON events (quad, date);
  CREATE INDEX events_place ON events (place_country, date);

  -- One report of an event: an article, a sentence, the evidence offsets.
  CREATE TABLE mentions (
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence    INTEGER NOT NULL,
    ev_start    INTEGER NOT NULL,         -- evidence offsets in the article text
    ev_end      INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    confidence  REAL NOT NULL,
    source_text TEXT NOT NULL,
    target_text TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id, sentence)
  );
  CREATE INDEX mentions_article ON mentions (article_id);

  -- Full-text search over the evidence sentences, kept in step by triggers.
  CREATE VIRTUAL TABLE evidence_fts USING fts5(evidence, content='mentions', content_rowid='rowid');
  CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
    INSERT INTO evidence_fts (rowid, evidence) VALUES (new.rowid, new.evidence);
  END;
  CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, evidence) VALUES ('delete', old.rowid, old.evidence);
  END;
  `,
  // 2: newest events of one country on the doer's side, read in index order
  `CREATE INDEX events_source ON events (source_country, date);`,
  // 3: where the predicate and the actors stand in the article, for the article view
  `ALTER TABLE mentions ADD COLUMN trigger_start INTEGER;
   ALTER TABLE mentions ADD COLUMN trigger_end INTEGER;
   ALTER TABLE mentions ADD COLUMN source_start INTEGER;
   ALTER TABLE mentions ADD COLUMN source_end INTEGER;
   ALTER TABLE mentions ADD COLUMN target_start INTEGER;
   ALTER TABLE mentions ADD COLUMN target_end INTEGER;`,
  // 4: syndicated copies: one article, several outlets (MinHash signature and LSH bands to find them)
  `ALTER TABLE articles ADD COLUMN minhash BLOB;
   CREATE TABLE article_bands (
     band       INTEGER NOT NULL,
     hash       INTEGER NOT NULL,
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     PRIMARY KEY (band, hash, article_id)
   ) WITHOUT ROWID;
   CREATE INDEX article_bands_article ON article_bands (article_id);
   CREATE TABLE article_copies (
     copy_id    TEXT PRIMARY KEY,
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     url        TEXT UNIQUE,
     source     TEXT NOT NULL,
     date       TEXT NOT NULL,
     title      TEXT,
     text_hash  TEXT NOT NULL,
     similarity REAL NOT NULL,
     added      TEXT NOT NULL
   );
   CREATE INDEX article_copies_article ON article_copies (article_id);
   CREATE INDEX article_copies_hash ON article_copies (text_hash);`,
  // 5: files seen by "dyad watch", so a restart codes only what is new or changed
  `CREATE TABLE watched_files (
     path     TEXT PRIMARY KEY,
     size     INTEGER NOT NULL,
     mtime_ms REAL NOT NULL,
     seen     TEXT NOT NULL
   );`,
  // 6: a url no longer identifies an article by itself: records with ids of
  // their own may share one (a digest page's url on each of its items). SQLite
  // cannot drop a UNIQUE, so both tables are rebuilt (rowids kept: recode
  // goes in rowid order); migrate() turns foreign keys off around this.
  `CREATE TABLE articles_new (
     id        TEXT PRIMARY KEY,
     url       TEXT,
     source    TEXT NOT NULL,
     date      TEXT NOT NULL,
     title     TEXT,
     text_hash TEXT NOT NULL UNIQUE,
     text      TEXT NOT NULL,
     added     TEXT NOT NULL,
     minhash   BLOB
   );
   INSERT INTO articles_new (rowid, id, url, source, date, title, text_hash, text, added, minhash)
     SELECT rowid, id, url, source, date, title, text_hash, text, added, minhash FROM articles;
   DROP TABLE articles;
   ALTER TABLE articles_new RENAME TO articles;
   CREATE INDEX articles_url ON articles (url);
   CREATE TABLE article_copies_new (
     copy_id    TEXT PRIMARY KEY,
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     url        TEXT,
     source     TEXT NOT NULL,
     date       TEXT NOT NULL,
     title      TEXT,
     text_hash  TEXT NOT NULL,
     similarity REAL NOT NULL,
     added      TEXT NOT NULL
   );
   INSERT INTO article_copies_new (rowid, copy_id, article_id, url, source, date, title, text_hash, similarity, added)
     SELECT rowid, copy_id, article_id, url, source, date, title, text_hash, similarity, added FROM article_copies;
   DROP TABLE article_copies;
   ALTER TABLE article_copies_new RENAME TO article_copies;
   CREATE INDEX article_copies_article ON article_copies (article_id);
   CREATE INDEX article_copies_hash ON article_copies (text_hash);
   CREATE INDEX article_copies_url ON article_copies (url);`,
];

/**
 * The oldest schema this dyad reads without upgrading it: read-only commands
 * open older stores as they are, since later migrations changed nothing they read.
 */
export const SQLITE_READABLE_FROM = 5;
