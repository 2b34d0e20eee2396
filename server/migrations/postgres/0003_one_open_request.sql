-- What an approval request is about (an offer's or advertisement's draft, a room to delete): at
-- most one request per subject may be open (pending, or being sent), so a change waiting for a
-- second person cannot be asked for twice, from two presses, tabs or replicas.
ALTER TABLE approvals ADD COLUMN subject TEXT;
CREATE UNIQUE INDEX approvals_one_open_per_subject ON approvals (subject)
    WHERE state IN ('pending', 'sending');
