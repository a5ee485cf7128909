-- The number of streams, kept beside the last global position and moved by the same append
-- transactions, under the same lock: exact, and read without counting the streams table, which
-- the dashboard would otherwise do every few seconds.
ALTER TABLE store_head ADD COLUMN streams bigint NOT NULL DEFAULT 0 CHECK (streams >= 0);
UPDATE store_head SET streams = (SELECT count(*) FROM streams);
