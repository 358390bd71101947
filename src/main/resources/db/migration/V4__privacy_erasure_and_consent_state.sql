-- The lead's current marketing decision (latest MARKETING consent record), for the CRM.
alter table lead add column marketing_consent boolean not null default false;
update lead set marketing_consent = coalesce((
    select c.granted from consent_record c
     where c.lead_id = lead.id and c.purpose = 'MARKETING'
     order by c.recorded_at desc, c.id desc limit 1), false);

-- Consent decisions made on the person's request through staff, not through a form.
alter table consent_record alter column source_id drop not null;
alter table consent_record add column recorded_by varchar(120);

-- What survives an erasure: de-identified triage statistics, and the fact that an erasure happened.
create table triage_statistic (
    id                  bigint generated always as identity primary key,
    kind                varchar(16) not null,
    outcome             varchar(20) not null,
    applications        jsonb not null,
    ruleset_fingerprint char(64) not null,
    evaluated_month     date not null
);

create table lead_erasure (
    lead_id    uuid primary key,
    erased_at  timestamptz not null,
    erased_by  varchar(120) not null,
    reason     varchar(32) not null
);
