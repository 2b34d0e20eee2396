-- A draft whose publish Watchers accepted (2xx) with an answer the dashboard could not read, so
-- the new item's id is unknown: the draft stays, marked published with why, and is never
-- published again.
ALTER TABLE drafts ADD COLUMN published_note TEXT;
