-- Several replicas on one database (issue 20).

-- What each process's in-memory caches must hear about from the others: a topic's version moves
-- on with every change (accounts, sessions ended, rooms), and every process looks several times a
-- second, dropping its cached copy when a version moved.
CREATE TABLE cache_versions (
    topic TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);

-- The per-address sign-in throttle, where every replica counts into the same row: attempts in the
-- window that started at `since` (Unix seconds).
CREATE TABLE sign_in_throttle (
    address TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL,
    since INTEGER NOT NULL
);

-- Orders drafts saved within the same second (microseconds since 1970): the SQL is shared with
-- PostgreSQL, which has no rowid.
ALTER TABLE drafts ADD COLUMN saved_us INTEGER NOT NULL DEFAULT 0;
