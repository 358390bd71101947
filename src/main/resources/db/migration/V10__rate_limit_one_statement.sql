-- Rate-limit buckets as one number each (the generic cell rate algorithm), checked and updated by one upsert per
-- request, instead of bucket4j's serialised state behind a select-for-update transaction (three round trips).
-- Keys are 'client:<hash of the address or IPv6 /64>' and 'global'. Every bucket is full again within one period,
-- so the old table's state is not carried over: at worst, a client gets a fresh budget once, at the upgrade.
drop table rate_limit_bucket;

create table rate_limit (
    id  text   primary key,
    tat bigint not null
);

-- No index on tat: every admitted request changes it, and without an index that change is a heap-only update. The
-- clean-up job scans the table, which holds only the clients of about the last period.

comment on table rate_limit is 'Rate-limit buckets of the public forms; holds hashed client addresses only, no submitted data';
comment on column rate_limit.tat is 'Theoretical arrival time, microseconds since the epoch: the bucket admits a request while this stays within one period of now, and is full again once it is in the past';
