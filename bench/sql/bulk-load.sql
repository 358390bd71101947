-- Bulk-loads :n leads (psql -v n=1000000) with what the API reads and what makes them consistent with the schema
-- (V1..V6): every lead came from an enquiry (60 %) or a self-assessment with its automated triage (40 %), has a
-- *_RECEIVED change in the feed (as the service writes for a new lead; CREATED is only for pre-feed leads), and a STATUS_CHANGED change (and status history row) when its status
-- is not NEW. Leads are one minute apart, newest = now(), with UUIDv7-style ids like the service's.
-- Phones: +44 71 xxxxxxxx, a range the load generators never use. References have the service's shape, X-XXXX-XXXX
-- in its alphabet: lead i's hex number, 0 and 1 written W and X.
\set ON_ERROR_STOP on
\timing on
begin;
create temporary table g on commit drop as
select i,
       now() - make_interval(secs => i * 60 + (i % 997) / 1000.0) as at,
       case when i % 10 < 4 then 'A' else 'E' end as via,
       (array['NEW','NEW','NEW','NEW','NEW','NEW','CONTACTED','CONTACTED','CONSULTATION_BOOKED','TREATED','CLOSED_LOST'])[1 + (i * 7) % 11] as status,
       (array['SUITABLE','SUITABLE','SUITABLE','SUITABLE','SUITABLE_LATER','SUITABLE_LATER','CLINICIAN_REVIEW','CLINICIAN_REVIEW','NOT_SUITABLE','SUITABLE'])[1 + (i * 3) % 10] as outcome,
       (array['["HAIR_LOSS"]','["SCAR_REVISION"]','["HAIR_LOSS", "TRANSPLANT_DENSITY"]','["SKIN_DISEASE"]','[]'])[1 + i % 5] as apps
  from generate_series(1, :n) as s(i);
alter table g add column lead_id uuid, add column sub_id uuid;
update g set lead_id = cast(lpad(to_hex((extract(epoch from at) * 1000)::bigint), 12, '0') || '7' || substr(md5('l' || i), 1, 19) as uuid),
             sub_id  = cast(lpad(to_hex((extract(epoch from at) * 1000)::bigint), 12, '0') || '7' || substr(md5('s' || i), 1, 19) as uuid);

insert into lead (id, name, email, email_key, phone, created_at, updated_at, version, status, latest_outcome,
                  latest_applications, has_assessment, marketing_consent)
select lead_id, 'Bulk Person ' || i, 'bulk.' || i || '@Example.COM', 'bulk.' || i || '@example.com',
       case when i % 3 = 0 then '+4471' || lpad(i::text, 8, '0') end,
       at, at + case when status = 'NEW' then interval '0' else interval '2 days' end,
       case when status = 'NEW' then 0 else 1 end + case when via = 'A' then 1 else 0 end,
       status, case when via = 'A' then outcome end, case when via = 'A' then apps::jsonb else '[]'::jsonb end,
       via = 'A', i % 4 = 0
  from g order by g.at;

insert into enquiry (id, reference, lead_id, name, email, phone, preferred_channel, topic, message, locale,
                     privacy_notice_version, marketing_consent, utm_source, received_at)
select sub_id, 'E-' || overlay(translate(lpad(upper(to_hex(i)), 8, '0'), '01', 'WX') placing '-' from 5 for 0), lead_id, 'Bulk Person ' || i, 'bulk.' || i || '@example.com',
       case when i % 3 = 0 then '+4471' || lpad(i::text, 8, '0') end, 'EMAIL', 'SMP',
       'Norwood 5, thinking about a shaved look.', 'en-GB', '2025-11', i % 4 = 0, 'instagram', at
  from g where via = 'E' order by g.at;

insert into assessment (id, reference, lead_id, name, email, phone, preferred_channel, form_version, answers, locale,
                        privacy_notice_version, marketing_consent, received_at)
select sub_id, 'A-' || overlay(translate(lpad(upper(to_hex(i)), 8, '0'), '01', 'WX') placing '-' from 5 for 0), lead_id, 'Bulk Person ' || i, 'bulk.' || i || '@example.com',
       case when i % 3 = 0 then '+4471' || lpad(i::text, 8, '0') end, 'EMAIL', '2026-11',
       '{"DATE_OF_BIRTH": "1984-03-02", "SEX": "MALE", "GOAL": "SHAVED_LOOK", "HAIR_LOSS": false, "TRANSPLANT_DONE": false, "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED", "KELOID_TENDENCY": "NO", "ONCOLOGY_TREATMENT": false, "PREVIOUS_SMP": false}',
       'en-GB', '2025-11', i % 4 = 0, at
  from g where via = 'A' order by g.at;

insert into triage_result (id, assessment_id, lead_id, kind, outcome, applications, ruleset_name, ruleset_fingerprint,
                           evaluated_on, evaluated_at, profile, result)
select cast(md5('t' || i) as uuid), sub_id, lead_id, 'AUTOMATED', outcome, apps::jsonb, 'smp-triage-2026.11',
       repeat('0', 64), at::date, at, '{"bulk": true}',
       -- A triage as the service stores it (the shape of TriageView, about 1 KB), with this lead's outcome.
       jsonb_set('{"outcome": "SUITABLE", "summary": "SMP looks like a good fit for you, and nothing we know of stands in the way of treatment now.",
                   "applications": [{"application": "SCAR_REVISION", "indications": ["FUT_SCAR"]}],
                   "precautions": [{"code": "SCARRING_ALOPECIA_FADES_FASTER", "text": "Pigment fades faster in scar tissue: plan for touch-ups."}],
                   "reasons": [{"ruleId": "FUT_SCAR_REVISION", "text": "A linear FUT donor scar can be blended into the surrounding hair with pigment dots.", "source": "clinic page: Who Needs SMP, 4.1"}],
                   "nextSteps": [{"code": "BOOK_CONSULTATION", "text": "Book a consultation with our team."}],
                   "sessions": {"min": 2, "max": 4}, "recolouringDue": false,
                   "ruleset": {"name": "smp-triage-2026.11", "fingerprint": "d90fac65575bc093318e7e9576b62686d95c1a0a4140aa85723d36f6ca6f7a46"},
                   "evaluatedOn": "2026-11-24"}'::jsonb, '{outcome}', to_jsonb(outcome))
  from g where via = 'A' order by g.at;

insert into consent_record (id, lead_id, purpose, granted, notice_version, source_type, source_id, recorded_at)
select cast(md5('c' || i) as uuid), lead_id, 'CONTACT', true, '2025-11', case when via = 'A' then 'ASSESSMENT' else 'ENQUIRY' end,
       sub_id, at
  from g order by g.at;

insert into lead_status_change (id, lead_id, from_status, to_status, note, changed_at, changed_by)
select cast(md5('h' || i) as uuid), lead_id, 'NEW', status, null, at + interval '2 days', 'bulk-load'
  from g where status <> 'NEW' order by g.at;

-- The feed, oldest first: *_RECEIVED, then STATUS_CHANGED (two days later).
insert into lead_change (lead_id, change, changed_at)
select lead_id, change, changed_at from (
    select lead_id, case when via = 'A' then 'ASSESSMENT_RECEIVED' else 'ENQUIRY_RECEIVED' end as change, at as changed_at, 2 as o from g
    union all select lead_id, 'STATUS_CHANGED', at + interval '2 days', 3 from g where status <> 'NEW') c
 order by changed_at, o;
commit;
vacuum (analyze) lead, enquiry, assessment, triage_result, consent_record, lead_status_change, lead_change;
