-- Advertisement results (issue 30): every advertisement's counters, read every
-- DASHBOARD_AD_SAMPLE_SECONDS and kept DASHBOARD_AD_SAMPLE_DAYS.

-- One reading of one advertisement: when (Unix seconds), its views and messages (NULL: that
-- counter came back unreadable), and what it was called and when it was sent at that reading.
CREATE TABLE ad_samples (
    ad_id INTEGER NOT NULL,
    sampled_at INTEGER NOT NULL,
    views INTEGER,
    messages INTEGER,
    label TEXT NOT NULL,
    sent_at TEXT
);

CREATE UNIQUE INDEX ad_samples_by_ad ON ad_samples (ad_id, sampled_at);
CREATE INDEX ad_samples_by_time ON ad_samples (sampled_at);

-- Which replica read the counters in each period: slot = Unix seconds / the period. The one whose
-- INSERT of the slot went in reads; the others find the row and wait for the next slot.
CREATE TABLE sample_runs (
    slot INTEGER PRIMARY KEY,
    taken_by TEXT NOT NULL,
    -- Unix seconds.
    taken_at INTEGER NOT NULL
);
