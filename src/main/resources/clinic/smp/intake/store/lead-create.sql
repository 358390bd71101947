-- Creates the person's lead and its feed row, unless the email or phone belongs to a lead already (then no row).
-- The caller holds the person's advisory locks.
with created as (
    insert into lead (id, name, email, email_key, phone, created_at, updated_at, version, status,
                      marketing_consent, latest_outcome, latest_applications, has_assessment)
    values (:lead_id, :name, :email, :email_key, :phone, :received_at, :received_at, 0, 'NEW',
            :marketing_consent, :latest_outcome, cast(coalesce(:latest_applications, '[]') as jsonb), :has_assessment)
    on conflict do nothing
    returning id)
insert into lead_change (lead_id, change, changed_at)
select id, :change, :received_at from created
returning lead_id
