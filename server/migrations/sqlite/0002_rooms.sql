-- The rooms the dashboard created or looked up: the API has no list endpoint.

CREATE TABLE rooms (
    room_id TEXT PRIMARY KEY,
    name TEXT,
    about TEXT,
    is_speak INTEGER,
    status TEXT,
    start_time TEXT,
    end_time TEXT,
    -- When Watchers last answered for it; NULL once it answered "not found".
    seen_at TEXT,
    added_at TEXT NOT NULL
);
