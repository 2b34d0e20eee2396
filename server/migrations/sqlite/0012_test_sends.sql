-- "Send a test to me" (issue 30): each test sent to its sender's test audience, until the
-- dashboard removes it upstream. Times are Unix seconds.
CREATE TABLE test_sends (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('offer', 'advertisement')),
    -- The offer's or advertisement's id upstream; NULL while it is being sent, or when the
    -- answer did not say.
    upstream_id INTEGER,
    label TEXT NOT NULL,
    by_user TEXT NOT NULL,
    -- What makes two presses the same test (model::test_send::fingerprint).
    fingerprint TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    remove_at INTEGER NOT NULL,
    -- 'sending' is the claim a send holds until the platform answered.
    state TEXT NOT NULL CHECK (state IN ('sending', 'live', 'removed')),
    removed_at INTEGER,
    -- Why the last removal failed, in plain words.
    last_error TEXT,
    -- Removal attempts that failed, and when the next may run.
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try_at INTEGER NOT NULL DEFAULT 0,
    -- A send or a removal under way holds the row until then (another replica waits).
    claimed_until INTEGER
);

-- The same test, pressed twice, from two tabs or two replicas, is sent once while it is up.
CREATE UNIQUE INDEX test_sends_once ON test_sends (by_user, fingerprint)
    WHERE state IN ('sending', 'live');
CREATE INDEX test_sends_due ON test_sends (state, remove_at);
CREATE INDEX test_sends_by_user ON test_sends (by_user, id);

-- What a person typed in a composer when they sent a test without JavaScript, kept for an hour
-- so the composer they come back to shows it again (a test never touches the draft). `key` is
-- 32 random hex digits; `form` the composer's form as JSON; `kept_until` Unix seconds.
CREATE TABLE kept_forms (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('offer', 'advertisement')),
    by_user TEXT NOT NULL,
    form TEXT NOT NULL,
    kept_until INTEGER NOT NULL
);
CREATE INDEX kept_forms_until ON kept_forms (kept_until);
