-- Submissions that filled the honeypot field: answered like any other, kept apart from leads and the feed.
create table quarantined_submission (
    id          uuid primary key,
    kind        varchar(16) not null,
    reference   varchar(16) not null,
    body        jsonb not null,
    received_at timestamptz not null
);
create index quarantined_submission_received_idx on quarantined_submission (received_at);
