-- A self-assessment of a person whose lead exists (:lead_id), in the transaction of its granted claim: the
-- assessment, its automated triage and its consent decisions.
with submission as (
    insert into assessment (id, reference, lead_id, name, email, phone, preferred_channel, locale,
                         privacy_notice_version, marketing_consent, utm_source, utm_medium, utm_campaign, utm_term,
                         utm_content, referrer, landing_page, received_at, form_version, answers)
    values (:id, :reference, :lead_id, :name, :email, :phone, :preferred_channel, :locale,
           :privacy_notice_version, :marketing_consent, :utm_source, :utm_medium, :utm_campaign, :utm_term,
           :utm_content, :referrer, :landing_page, :received_at, :form_version, cast(:answers as jsonb))
    returning id, lead_id),
triage as (
    insert into triage_result (id, assessment_id, lead_id, kind, outcome, applications, earliest_treatment_date,
                               ruleset_name, ruleset_fingerprint, evaluated_on, evaluated_at, profile,
                               decided_by, override_reason, result)
    select :triage_id, s.id, s.lead_id, 'AUTOMATED', :outcome, cast(:applications as jsonb),
           :earliest_treatment_date, :ruleset_name, :ruleset_fingerprint, :evaluated_on, :received_at,
           cast(:profile as jsonb), null, null, cast(:result as jsonb)
      from submission s)
insert into consent_record (id, lead_id, purpose, granted, notice_version, source_type, source_id,
                            notice_hash, source_ip, user_agent, recorded_by, recorded_at)
select d.id, s.lead_id, d.purpose, d.granted, :privacy_notice_version, 'ASSESSMENT', s.id,
       :notice_hash, :source_ip, :user_agent, null, :received_at
  from submission s,
       unnest(cast(:consent_ids as uuid[]), cast(:consent_purposes as text[]),
              cast(:consent_granted as boolean[])) as d(id, purpose, granted)
