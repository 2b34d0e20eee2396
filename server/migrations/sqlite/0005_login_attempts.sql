-- Sign-in attempts by username *and* address, counted before the password is checked: ten in a
-- row lock that username from that address for 15 minutes. Per address, so nobody can lock a
-- colleague out from elsewhere; an administrator can lift a lock (staff page, `user unlock`).
DROP TABLE login_failures;

CREATE TABLE login_attempts (
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    PRIMARY KEY (username, address)
);
