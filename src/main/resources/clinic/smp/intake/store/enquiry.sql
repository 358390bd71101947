-- An enquiry of a person whose lead exists (:lead_id), in the transaction of its granted claim: the enquiry and its
-- consent decisions.
with submission as (
    insert into enquiry (id, reference, lead_id, name, email, phone, preferred_channel, locale,
                         privacy_notice_version, marketing_consent, utm_source, utm_medium, utm_campaign, utm_term,
                         utm_content, referrer, landing_page, received_at, topic, message)
    values (:id, :reference, :lead_id, :name, :email, :phone, :preferred_channel, :locale,
           :privacy_notice_version, :marketing_consent, :utm_source, :utm_medium, :utm_campaign, :utm_term,
           :utm_content, :referrer, :landing_page, :received_at, :topic, :message)
    returning id, lead_id)
insert into consent_record (id, lead_id, purpose, granted, notice_version, source_type, source_id,
                            notice_hash, source_ip, user_agent, recorded_by, recorded_at)
select d.id, s.lead_id, d.purpose, d.granted, :privacy_notice_version, 'ENQUIRY', s.id,
       :notice_hash, :source_ip, :user_agent, null, :received_at
  from submission s,
       unnest(cast(:consent_ids as uuid[]), cast(:consent_purposes as text[]),
              cast(:consent_granted as boolean[])) as d(id, purpose, granted)
