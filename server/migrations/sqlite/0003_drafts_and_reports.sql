-- Drafts of offers and advertisements, and what the last publish of each item reported.

CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('offer', 'advertisement')),
    -- The published item this draft edits; NULL for a new one.
    target_id INTEGER,
    label TEXT NOT NULL,
    -- The composer's form as JSON, exactly as typed.
    form TEXT NOT NULL,
    last_error TEXT,
    created_by TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX drafts_by_kind ON drafts (kind, updated_at);

CREATE TABLE publish_reports (
    kind TEXT NOT NULL CHECK (kind IN ('offer', 'advertisement')),
    item_id INTEGER NOT NULL,
    -- A PublishReport as JSON.
    report TEXT NOT NULL,
    PRIMARY KEY (kind, item_id)
);

-- Users excluded from (or included again in) marketing through the dashboard: the API has no
-- list to read back.
CREATE TABLE marketing_exclusions (
    user_id TEXT PRIMARY KEY,
    excluded INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
