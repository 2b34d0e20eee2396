-- The test audience each member of staff keeps on their account page, where "Send a test to me"
-- sends: Watchers user ids, one a line, and one room id. Empty (NULL) until they keep one.
ALTER TABLE staff ADD COLUMN test_user_ids TEXT;
ALTER TABLE staff ADD COLUMN test_room_id TEXT;
