-- Self-assessments: stored whole, answers as submitted (language-neutral question and option codes).
create table assessment (
    id                     uuid primary key,
    reference              varchar(16) not null,
    lead_id                uuid not null references lead (id),
    name                   varchar(200) not null,
    email                  varchar(254),
    phone                  varchar(20),
    preferred_channel      varchar(16) not null,
    form_version           varchar(32) not null,
    answers                jsonb not null,
    locale                 varchar(35) not null,
    privacy_notice_version varchar(64) not null,
    marketing_consent      boolean not null,
    utm_source             varchar(200),
    utm_medium             varchar(200),
    utm_campaign           varchar(200),
    utm_term               varchar(200),
    utm_content            varchar(200),
    referrer               varchar(2048),
    landing_page           varchar(2048),
    received_at            timestamptz not null,
    constraint assessment_reference_unique unique (reference)
);
create index assessment_lead_idx on assessment (lead_id);

-- Triage results: never updated. A re-triage or a staff override adds a row; the history is the table.
create table triage_result (
    id                      uuid primary key,
    assessment_id           uuid not null references assessment (id),
    lead_id                 uuid not null references lead (id),
    kind                    varchar(16) not null,
    outcome                 varchar(20) not null,
    applications            jsonb not null,
    earliest_treatment_date date,
    ruleset_name            varchar(64) not null,
    ruleset_fingerprint     char(64) not null,
    evaluated_on            date not null,
    evaluated_at            timestamptz not null,
    -- The engine's input, as mapped from the answers, and its whole explained output.
    profile                 jsonb not null,
    result                  jsonb not null
);
create index triage_result_assessment_idx on triage_result (assessment_id, evaluated_at);
create index triage_result_lead_idx on triage_result (lead_id);
