-- Indexes for the dashboard's reads.

-- Appends per minute read the events of the last minutes by recorded_at. Events are inserted in
-- recorded_at order (the clock is read under the append lock), so a BRIN index finds a recent
-- window in a few block ranges and costs appends next to nothing.
CREATE INDEX events_recorded_at ON events USING brin (recorded_at);

-- Stream search by prefix compares names in the "C" collation, where all names with one prefix
-- form one range, whatever the database's collation.
CREATE INDEX streams_name_c ON streams (stream COLLATE "C");
