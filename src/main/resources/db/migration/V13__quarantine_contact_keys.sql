-- A quarantined submission is still the personal data of whoever's contact details it carries: erasure and the
-- personal-data export find it by the same keys that recognise a lead (email_key: the email lower-cased; phone_key:
-- the phone in E.164).
alter table quarantined_submission
    add column email_key varchar(254),
    add column phone_key varchar(20);

-- Rows kept before this migration hold the normalised contact in their body ({"contact": {"email", "phone"}}).
update quarantined_submission
   set email_key = left(lower(nullif(body #>> '{contact,email}', '')), 254),
       phone_key = case when body #>> '{contact,phone}' ~ '^\+[0-9]{1,19}$' then body #>> '{contact,phone}' end;

-- Erasure compares email keys lower-cased on both sides (PostgreSQL's lower() and Java's may differ beyond ASCII).
create index quarantined_submission_email_key_idx on quarantined_submission (lower(email_key));
create index quarantined_submission_phone_key_idx on quarantined_submission (phone_key);
