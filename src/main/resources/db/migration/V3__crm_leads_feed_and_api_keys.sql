-- What the CRM filters and sorts leads by, kept on the lead itself so a page is one index range scan.
alter table lead
    add column status              varchar(24) not null default 'NEW',
    add column latest_outcome      varchar(20),
    add column latest_applications jsonb not null default '[]',
    add column has_assessment      boolean not null default false;
create index lead_created_idx on lead (created_at desc, id desc);
create index lead_status_created_idx on lead (status, created_at desc, id desc);
create index lead_outcome_created_idx on lead (latest_outcome, created_at desc, id desc);

-- The change feed: one row per change of a lead, tagged with the id of the transaction that wrote it.
-- Readers only see rows of transactions older than every transaction still running, so a transaction that
-- commits late can never slip in behind a cursor already handed out.
create table lead_change (
    id         bigint generated always as identity primary key,
    txid       bigint not null default (pg_current_xact_id()::text::bigint),
    lead_id    uuid not null,
    change     varchar(32) not null,
    changed_at timestamptz not null
);
create index lead_change_feed_idx on lead_change (txid, id);

-- Follow-up status history: who (which API key) moved a lead, from what to what, and when.
create table lead_status_change (
    id          uuid primary key,
    lead_id     uuid not null references lead (id),
    from_status varchar(24) not null,
    to_status   varchar(24) not null,
    note        varchar(1000),
    changed_at  timestamptz not null,
    changed_by  varchar(120) not null
);
create index lead_status_change_lead_idx on lead_status_change (lead_id, changed_at);

-- Staff overrides and re-runs are further triage results; these say who made them and why.
alter table triage_result
    add column decided_by      varchar(120),
    add column override_reason varchar(1000);

-- API keys: only a SHA-256 of the secret is kept; the prefix identifies a key in lists and logs.
create table api_key (
    id          uuid primary key,
    name        varchar(100) not null,
    prefix      varchar(16) not null,
    secret_hash char(64) not null,
    roles       varchar(64) not null,
    created_at  timestamptz not null,
    created_by  varchar(120) not null,
    revoked_at  timestamptz,
    constraint api_key_prefix_unique unique (prefix)
);

-- Leads that existed before the feed: one CREATED change each, so a CRM starting from the beginning sees them.
insert into lead_change (lead_id, change, changed_at) select id, 'CREATED', created_at from lead order by created_at, id;
update lead set has_assessment = true where exists (select 1 from assessment a where a.lead_id = lead.id);
update lead set latest_outcome = t.outcome, latest_applications = t.applications
  from (select distinct on (lead_id) lead_id, outcome, applications from triage_result
         order by lead_id, evaluated_at desc, id desc) t
 where t.lead_id = lead.id;
