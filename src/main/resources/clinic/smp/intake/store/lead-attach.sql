-- Finds the person's lead by email key (preferred) or phone, writes what the submission tells about the person, and
-- appends the change to the feed. The lead takes the latest name (a split into given and family name that a CRM
-- made of an earlier, different name is dropped), and gains an email or phone it lacked unless another lead has that
-- one. Returns the lead's id, or no row when the person has no lead.
-- The caller holds the person's advisory locks.
with found as (
    select id from lead
     where email_key = :email_key or phone = :phone
     order by (email_key = :email_key) is true desc
     limit 1),
updated as (
    update lead set
        given_name = case when name = :name then given_name end,
        family_name = case when name = :name then family_name end,
        name = :name,
        updated_at = :received_at,
        version = version + 1,
        marketing_consent = :marketing_consent,
        latest_outcome = coalesce(:latest_outcome, latest_outcome),
        latest_applications = coalesce(cast(:latest_applications as jsonb), latest_applications),
        has_assessment = has_assessment or :has_assessment,
        email = case when email_key is null and cast(:email_key as text) is not null
                      and not exists (select 1 from lead other where other.email_key = :email_key)
                     then :email else email end,
        email_key = case when email_key is null and cast(:email_key as text) is not null
                      and not exists (select 1 from lead other where other.email_key = :email_key)
                     then :email_key else email_key end,
        phone = case when phone is null and cast(:phone as text) is not null
                      and not exists (select 1 from lead other where other.phone = :phone)
                     then :phone else phone end
    where id = (select id from found)
    returning id)
insert into lead_change (lead_id, change, changed_at)
select id, :change, :received_at from updated
returning lead_id
