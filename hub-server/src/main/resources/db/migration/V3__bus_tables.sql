-- The event bus: owners (consuming applications), their subscriptions (running nodes), and per
-- owner and bucket the checkpoint and the lease.

CREATE TABLE owners (
    owner             text        PRIMARY KEY,
    start_from        text        NOT NULL DEFAULT 'earliest' CHECK (start_from IN ('earliest', 'latest')),
    filter_types      text[],
    filter_categories text[],
    paused            boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- A subscription is live while expires_at lies ahead on the database clock.
CREATE TABLE subscriptions (
    owner      text        NOT NULL REFERENCES owners (owner) ON DELETE CASCADE,
    key        text        NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, key)
);

-- One row per owner and bucket. checkpoint is the committed offset (0: nothing committed).
-- The lease is (holder, epoch, lease_expires_at): a commit succeeds only for the holder, with the
-- current epoch, before the expiry, judged by the database clock. epoch grows on every change of
-- holder or position, so a previous holder's commits are refused.
CREATE TABLE checkpoints (
    owner            text        NOT NULL REFERENCES owners (owner) ON DELETE CASCADE,
    bucket           integer     NOT NULL REFERENCES buckets (bucket),
    checkpoint       bigint      NOT NULL CHECK (checkpoint >= 0),
    holder           text,
    epoch            bigint      NOT NULL DEFAULT 0,
    lease_expires_at timestamptz,
    pinned           boolean     NOT NULL DEFAULT false,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, bucket)
);
CREATE INDEX checkpoints_holder ON checkpoints (owner, holder);

CREATE TABLE audit_log (
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    action   text        NOT NULL,
    owner    text,
    target   text        NOT NULL,
    before   jsonb,
    after    jsonb,
    actor    text
);
CREATE INDEX audit_log_owner ON audit_log (owner, id);
