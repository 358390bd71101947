-- Leads: one per person, recognised by normalised email (case-insensitive) or E.164 phone.
create table lead (
    id          uuid primary key,
    name        varchar(200) not null,
    email       varchar(254),
    email_key   varchar(254),
    phone       varchar(20),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint not null default 0,
    constraint lead_has_contact check (email_key is not null or phone is not null),
    constraint lead_email_key_unique unique (email_key),
    constraint lead_phone_unique unique (phone)
);

-- Human references (E-XXXX-XXXX) are drawn from this sequence in blocks of 50.
create sequence human_reference_seq start with 1 increment by 50;

create table enquiry (
    id                     uuid primary key,
    reference              varchar(16) not null,
    lead_id                uuid not null references lead (id),
    name                   varchar(200) not null,
    email                  varchar(254),
    phone                  varchar(20),
    preferred_channel      varchar(16) not null,
    topic                  varchar(32) not null,
    message                varchar(4000),
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
    constraint enquiry_reference_unique unique (reference)
);
create index enquiry_lead_idx on enquiry (lead_id);

-- Consent ledger: append-only; one row per purpose and decision, tied to the submission that carried it.
create table consent_record (
    id              uuid primary key,
    lead_id         uuid not null references lead (id),
    purpose         varchar(20) not null,
    granted         boolean not null,
    notice_version  varchar(64) not null,
    source_type     varchar(20) not null,
    source_id       uuid not null,
    recorded_at     timestamptz not null
);
create index consent_record_lead_idx on consent_record (lead_id);

-- Idempotency keys (explicit Idempotency-Key headers and implicit duplicate-window keys).
create table idempotency_record (
    scope             varchar(40) not null,
    idem_key          varchar(255) not null,
    request_hash      char(64) not null,
    response_status   integer,
    response_location varchar(2048),
    response_body     text,
    created_at        timestamptz not null,
    expires_at        timestamptz not null,
    primary key (scope, idem_key)
);
create index idempotency_record_expiry_idx on idempotency_record (expires_at);
