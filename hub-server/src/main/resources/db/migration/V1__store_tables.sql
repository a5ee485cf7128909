-- The event store's tables. Every position is a bigint, every time a timestamptz.

-- Settings fixed at the first start, such as the bucket count.
CREATE TABLE hub_settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);

-- The last global position handed out. Its single row is the store's append lock: an append
-- transaction locks it first and keeps it until it commits, so positions become visible in
-- the order they are handed out, and a reader paging by global position never skips an event.
CREATE TABLE store_head (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    global_position bigint  NOT NULL
);
INSERT INTO store_head (singleton, global_position) VALUES (true, 0);

-- The last offset handed out in each bucket. Rows are created at the first start, once the
-- bucket count is known.
CREATE TABLE buckets (
    bucket integer PRIMARY KEY CHECK (bucket >= 0),
    head   bigint  NOT NULL DEFAULT 0 CHECK (head >= 0)
);

CREATE TABLE streams (
    stream        text        PRIMARY KEY,
    version       bigint      NOT NULL CHECK (version >= 0),
    bucket        integer     NOT NULL REFERENCES buckets (bucket),
    partition_key text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX streams_bucket ON streams (bucket);

CREATE TABLE events (
    global_position bigint      PRIMARY KEY CHECK (global_position > 0),
    id              uuid        NOT NULL UNIQUE,
    stream          text        NOT NULL,
    version         bigint      NOT NULL CHECK (version >= 0),
    type            text        NOT NULL,
    data            jsonb       NOT NULL,
    metadata        jsonb,
    bucket          integer     NOT NULL,
    bucket_offset   bigint      NOT NULL CHECK (bucket_offset > 0),
    recorded_at     timestamptz NOT NULL,
    category        text        GENERATED ALWAYS AS (split_part(stream, '-', 1)) STORED,
    UNIQUE (stream, version),
    UNIQUE (bucket, bucket_offset)
);
CREATE INDEX events_type ON events (type, global_position);
CREATE INDEX events_category ON events (category, global_position);
