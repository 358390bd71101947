-- Webhooks. The outbox is lead_change: each change that is an event already writes its row there in the transaction
-- that makes the change. A subscription keeps its own position in that feed (feed_txid, feed_change_id, ordered as
-- the feed is); the deliverer turns the changes after it into deliveries, one per event and subscription, and
-- records each call as an attempt.
create table webhook_subscription (
    id                         uuid primary key,
    url                        varchar(2048) not null,
    event_types                varchar(400) not null,
    description                varchar(500),
    enabled                    boolean not null,
    disabled_reason            varchar(500),
    disabled_at                timestamptz,
    -- Signing needs the secret itself (HMAC), so it is stored as it is; the API shows it once.
    secret                     varchar(100) not null,
    previous_secret            varchar(100),
    previous_secret_expires_at timestamptz,
    feed_txid                  bigint not null,
    feed_change_id             bigint not null,
    consecutive_failures       integer not null default 0,
    failing_since              timestamptz,
    created_at                 timestamptz not null,
    created_by                 varchar(120) not null,
    updated_at                 timestamptz not null,
    version                    bigint not null default 0
);

create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
    event_id         varchar(64) not null,
    event_type       varchar(40) not null,
    lead_id          uuid,
    -- The exact body sent on every attempt; null once dropped (erasure, or payload retention after it finished).
    payload          text,
    state            varchar(12) not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    last_status      integer,
    created_at       timestamptz not null,
    finished_at      timestamptz,
    constraint webhook_delivery_event_once unique (subscription_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_log_idx on webhook_delivery (subscription_id, created_at desc, id desc);
create index webhook_delivery_lead_idx on webhook_delivery (lead_id) where lead_id is not null;
create index webhook_delivery_kept_idx on webhook_delivery (finished_at) where payload is not null;

create table webhook_attempt (
    id               bigint generated always as identity primary key,
    delivery_id      uuid not null references webhook_delivery (id) on delete cascade,
    attempted_at     timestamptz not null,
    status_code      integer,
    latency_ms       bigint not null,
    error            varchar(300),
    response_excerpt varchar(1024)
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempted_at);
