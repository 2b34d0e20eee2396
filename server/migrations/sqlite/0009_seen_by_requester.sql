-- Whether the person who asked for an approval has opened it since it was decided (sent, failed,
-- rejected or expired): until then the header counts it for them. Requests decided before this
-- column count as seen.
ALTER TABLE approvals ADD COLUMN seen_by_requester INTEGER NOT NULL DEFAULT 0;
UPDATE approvals SET seen_by_requester = 1 WHERE state IN ('sent', 'failed', 'rejected', 'expired');
CREATE INDEX approvals_unseen_by_requester ON approvals (requested_by) WHERE seen_by_requester = 0;
