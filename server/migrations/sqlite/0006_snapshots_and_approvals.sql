-- Undo that is real, and actions that wait for a second person (issue 19).

-- What a delete removed, as last read from the platform, kept so "Restore" can recreate it.
CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    area TEXT NOT NULL CHECK (area IN ('badges', 'offers', 'advertisements', 'rooms')),
    -- The deleted item's id (a room's room id).
    item_id TEXT NOT NULL,
    label TEXT NOT NULL,
    -- The record as JSON (offers and advertisements with the ids last sent).
    record TEXT NOT NULL,
    -- Badges: the user ids the dashboard itself assigned, as a JSON array.
    users TEXT,
    deleted_by TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    -- Unix seconds; gone after this.
    keep_until INTEGER NOT NULL,
    -- Set by the one restore that may run; never cleared once the platform answered yes.
    restored_by TEXT,
    restored_at TEXT,
    -- The new item's id, or NULL while it is not known.
    restored_as TEXT,
    restore_note TEXT,
    -- Badges: users re-assigned so far, and the chunks claimed (a chunk is sent once).
    users_sent INTEGER NOT NULL DEFAULT 0,
    users_claimed INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX snapshots_by_area ON snapshots (area, id);

-- A badge's users as the dashboard assigned them: the API cannot list them.
CREATE TABLE badge_assignments (
    badge_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (badge_id, user_id)
);

-- Which actions wait for a second person (an absent row: they do not).
CREATE TABLE approval_rules (
    action TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
);

CREATE TABLE approvals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action TEXT NOT NULL,
    -- The item acted on, when there is one (an offer being updated, a room, a badge).
    target TEXT,
    label TEXT NOT NULL,
    -- Exactly what will be sent, as JSON.
    payload TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    -- Unix seconds.
    expires_at INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'rejected', 'expired')),
    decided_by TEXT,
    decided_at TEXT,
    reason TEXT,
    -- What sending reported: the new item, or why it failed.
    outcome TEXT
);

CREATE INDEX approvals_by_state ON approvals (state, id);

-- Where an audit entry's item can be seen or restored (a deleted item's snapshot).
ALTER TABLE audit_log ADD COLUMN link TEXT;
