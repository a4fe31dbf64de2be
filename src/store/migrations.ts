/**
 * Versioned schema migrations, portable SQL (TEXT/INTEGER/REAL only, no backend-specific syntax)
 * so that SQLite and PostgreSQL share them. Never edit an applied migration: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles-and-analysis',
    statements: [
      `CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT,
        text_hash TEXT NOT NULL,
        title TEXT,
        published_at TEXT,
        lang TEXT,
        site TEXT,
        text TEXT NOT NULL,
        html TEXT,
        source_json TEXT NOT NULL,
        meta_json TEXT NOT NULL,
        layers_json TEXT NOT NULL,
        data_json TEXT NOT NULL,
        messages_json TEXT NOT NULL,
        seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL`,
      `CREATE UNIQUE INDEX articles_text_hash ON articles (text_hash)`,
      `CREATE INDEX articles_seq ON articles (seq)`,
      `CREATE TABLE stories (id TEXT PRIMARY KEY, label TEXT, body_json TEXT NOT NULL)`,
      `CREATE TABLE links (
        from_id TEXT NOT NULL,
        to_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        score REAL NOT NULL,
        direction TEXT NOT NULL,
        body_json TEXT NOT NULL,
        PRIMARY KEY (from_id, to_id)
      )`,
      `CREATE TABLE origin_groups (idx INTEGER PRIMARY KEY, article_ids_json TEXT NOT NULL)`,
      `CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, body_json TEXT NOT NULL)`,
      `CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        kind TEXT NOT NULL,
        body_json TEXT NOT NULL
      )`,
      `CREATE INDEX claims_article ON claims (article_id)`,
      `CREATE TABLE propositions (idx INTEGER PRIMARY KEY, body_json TEXT NOT NULL)`,
      `CREATE TABLE input_failures (
        seq INTEGER PRIMARY KEY,
        input TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'reposts-share-text',
    // Reposts by other outlets carry the same text as their origin and must be stored beside it.
    statements: ['DROP INDEX articles_text_hash', 'CREATE INDEX articles_text_hash ON articles (text_hash)'],
  },
  {
    version: 3,
    name: 'stage-versions',
    // Which per-article stage versions made each article's layers; NULL (every article stored before) means all must be redone.
    statements: ['ALTER TABLE articles ADD COLUMN stages_json TEXT'],
  },
  {
    version: 4,
    name: 'story-order',
    // Stories come back in the order they were saved (the order they were formed), not by id: reports and restored clustering keep it.
    statements: ['ALTER TABLE stories ADD COLUMN seq INTEGER'],
  },
  {
    version: 5,
    name: 'reuse-index',
    // What reuse/links keeps between runs so a new article is compared only with its candidates: each article's index
    // keys (MinHash signature, sampled shingles, anchors) under a digest of its contents, and the links as compared.
    statements: [
      'CREATE TABLE reuse_profiles (article_id TEXT PRIMARY KEY, digest TEXT NOT NULL, body_json TEXT NOT NULL)',
      'CREATE TABLE reuse_pairs (from_id TEXT NOT NULL, to_id TEXT NOT NULL, body_json TEXT NOT NULL, PRIMARY KEY (from_id, to_id))',
      'CREATE INDEX reuse_pairs_to ON reuse_pairs (to_id)',
    ],
  },
  {
    version: 6,
    name: 'reuse-support',
    // Story-wide support results of reuse/links (direction by unique sentences, unsupported additions) under a digest of their inputs.
    statements: ['CREATE TABLE reuse_support (key TEXT PRIMARY KEY, digest TEXT NOT NULL, body_json TEXT NOT NULL)'],
  },
  {
    version: 7,
    name: 'feeds-and-workers',
    // Feed polling state (conditional GET validators, backoff) and the items already handed on; worker heartbeats for `status`.
    statements: [
      `CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_poll_at TEXT,
        next_poll_at TEXT NOT NULL,
        failures INTEGER NOT NULL,
        last_error TEXT,
        last_new_items INTEGER NOT NULL,
        total_items INTEGER NOT NULL,
        added_at TEXT NOT NULL
      )`,
      `CREATE TABLE feed_items (feed_url TEXT NOT NULL, item_key TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (feed_url, item_key))`,
      `CREATE TABLE workers (
        id TEXT PRIMARY KEY,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        stopped_at TEXT,
        jobs_done INTEGER NOT NULL,
        current_job TEXT
      )`,
    ],
  },
  {
    version: 8,
    name: 'analysis-per-story',
    // The streamed analyze writes what changed story by story and article by article: propositions and resolved
    // entities keyed by story, and the stamp of the corpus stages that made them (a different one redoes every story).
    statements: [
      'CREATE TABLE story_propositions (story_id TEXT NOT NULL, idx INTEGER NOT NULL, body_json TEXT NOT NULL, PRIMARY KEY (story_id, idx))',
      'CREATE TABLE story_entities (story_id TEXT NOT NULL, id TEXT NOT NULL, body_json TEXT NOT NULL, PRIMARY KEY (story_id, id))',
      'CREATE INDEX story_entities_id ON story_entities (id)',
      'CREATE TABLE analysis_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
    ],
  },
  {
    version: 9,
    name: 'story-updates',
    // A corpus update leaves, per story it touched, what that story's update needs (its live members, their reuse
    // results, the links touching them, which were re-analysed); the story's update (a worker's job, or the same
    // process) reads it back by key and deletes it with the story's rows, so a lost update is found and redone.
    statements: [
      `CREATE TABLE story_updates (
        story_id TEXT PRIMARY KEY,
        run TEXT NOT NULL,
        forced INTEGER NOT NULL,
        reanalysed_json TEXT NOT NULL,
        body_json TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 10,
    name: 'links-by-target',
    // A story's links are read by key (the API shows one story at a time): by either end.
    statements: ['CREATE INDEX links_to ON links (to_id)'],
  },
  {
    version: 11,
    name: 'reuse-terms',
    // A story's support index is built from each member's sentence terms read by key, not by profiling its text. An
    // article without a row (every one analysed before this migration) or under another features digest is profiled
    // once more when a story's index needs it, and its row is written then.
    statements: ['CREATE TABLE reuse_terms (article_id TEXT PRIMARY KEY, digest TEXT NOT NULL, terms_json TEXT NOT NULL)'],
  },
  {
    version: 12,
    name: 'story-timelines',
    // A streamed run keeps each story's timeline in its own row, written with its propositions: in the story's record
    // it was most of the story list (12.7 of 14 MB at 10,000 articles) that every corpus update read and compared.
    // Records written before keep their timeline inside until their story is aligned again.
    statements: ['CREATE TABLE story_timelines (story_id TEXT PRIMARY KEY, body_json TEXT NOT NULL)'],
  },
  {
    version: 13,
    name: 'article-fatal',
    // Whether an article carries a fatal message, kept beside its messages: every analysis lists every article's
    // state, and finding it by scanning each article's messages read them all.
    statements: [
      'ALTER TABLE articles ADD COLUMN fatal INTEGER NOT NULL DEFAULT 0',
      `UPDATE articles SET fatal = 1 WHERE messages_json LIKE '%"severity":"fatal"%'`,
    ],
  },
];

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
