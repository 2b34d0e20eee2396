-- Issue 31: a badge's users are kept in their primary key alone (WITHOUT ROWID), so noting a user
-- writes one B-tree instead of two (the rows by rowid, and the key's own index): a chunk of 500
-- users costs less to note. The same columns and key; PostgreSQL keeps its table as it is.
CREATE TABLE badge_assignments_keyed (
    badge_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (badge_id, user_id)
) WITHOUT ROWID;

INSERT INTO badge_assignments_keyed (badge_id, user_id)
    SELECT badge_id, user_id FROM badge_assignments;

DROP TABLE badge_assignments;

ALTER TABLE badge_assignments_keyed RENAME TO badge_assignments;
