-- A new person's enquiry, whole, in one autocommit statement: the idempotency claim, the person's advisory locks, the
-- new lead and its feed row, the enquiry and its consent decisions. It stores all of them or nothing: the final
-- select aborts it with SQLSTATE SMP02 when the key is taken, and SMP01 when the person has a lead already.
with claimed as (
    insert into idempotency_record (scope, idem_key, request_hash, created_at, expires_at,
                                    response_status, response_location, response_body)
    values (:scope, :idem_key, :request_hash, :now, :expires_at,
            :response_status, :response_location, :response_body)
    on conflict (scope, idem_key) do update
       set request_hash = excluded.request_hash, created_at = excluded.created_at,
           expires_at = excluded.expires_at, response_status = excluded.response_status,
           response_location = excluded.response_location, response_body = excluded.response_body
     where idempotency_record.expires_at <= excluded.created_at
    returning 1 as granted),
gate as materialized (
    select c.granted
      from claimed c
     where (select count(pg_advisory_xact_lock(hashtextextended(l.name, 0)))
              from unnest(cast(:locks as text[])) as l(name)
             where c.granted = 1) >= 0),
created as (
    insert into lead (id, name, email, email_key, phone, created_at, updated_at, version, status,
                      marketing_consent, latest_outcome, latest_applications, has_assessment)
    select :lead_id, :name, :email, :email_key, :phone, :received_at, :received_at, 0, 'NEW',
           :marketing_consent, null, '[]', false
      from gate
    on conflict do nothing
    returning id),
feed as (
    insert into lead_change (lead_id, change, changed_at)
    select id, 'ENQUIRY_RECEIVED', :received_at from created),
submission as (
    insert into enquiry (id, reference, lead_id, name, email, phone, preferred_channel, locale,
                         privacy_notice_version, marketing_consent, utm_source, utm_medium, utm_campaign, utm_term,
                         utm_content, referrer, landing_page, received_at, topic, message)
    select :id, :reference, id, :name, :email, :phone, :preferred_channel, :locale,
           :privacy_notice_version, :marketing_consent, :utm_source, :utm_medium, :utm_campaign, :utm_term,
           :utm_content, :referrer, :landing_page, :received_at, :topic, :message
      from created
    returning id, lead_id),
consents as (
    insert into consent_record (id, lead_id, purpose, granted, notice_version, source_type, source_id,
                                notice_hash, source_ip, user_agent, recorded_by, recorded_at)
    select d.id, s.lead_id, d.purpose, d.granted, :privacy_notice_version, 'ENQUIRY', s.id,
           :notice_hash, :source_ip, :user_agent, null, :received_at
      from submission s,
           unnest(cast(:consent_ids as uuid[]), cast(:consent_purposes as text[]),
                  cast(:consent_granted as boolean[])) as d(id, purpose, granted))
select intake_first_contact((select count(*) from claimed), (select count(*) from created))
