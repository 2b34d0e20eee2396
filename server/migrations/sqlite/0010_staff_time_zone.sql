-- The time zone each member of staff reads and types times in (an IANA name such as Asia/Tokyo),
-- chosen on their account page; empty (NULL) until they choose one, when their browser's is used.
ALTER TABLE staff ADD COLUMN time_zone TEXT;
