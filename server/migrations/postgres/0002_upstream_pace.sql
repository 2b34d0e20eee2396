-- The requests sent to a rate-limited upstream (TagMango) within its window, by every replica:
-- they pace themselves together under the documented limit (server/upstream/pacer/shared.rs).
CREATE TABLE upstream_pace (
    platform TEXT NOT NULL,
    sent_ms BIGINT NOT NULL
);

CREATE INDEX upstream_pace_by_platform ON upstream_pace (platform, sent_ms);
