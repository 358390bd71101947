-- Token buckets of the public forms' rate limits, shared by every instance of the service.
-- Managed by bucket4j's PostgreSQL backend (select-for-update): one row per bucket, its state serialised by bucket4j.
-- Keys are 'client:<address or IPv6 /64>' and 'global'. Rows expire once their bucket would be full again.
create table rate_limit_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);

comment on table rate_limit_bucket is 'Rate-limit token buckets (bucket4j state); holds client addresses only, no submitted data';
comment on column rate_limit_bucket.expires_at is 'Epoch milliseconds after which the bucket is full again and the row can be deleted';
