-- A new person's submission is stored by one autocommit statement: the idempotency claim, the advisory locks, the new
-- lead and the submission are its common table expressions (IdempotencyKeys.firstContactStatement). When the person
-- turns out to have a lead already, the lead's insert does nothing, and so must the whole statement, idempotency
-- record included. Called last with what the claim and the lead's insert did, this function then aborts the
-- statement with a dedicated SQLSTATE; the service stores the submission in a transaction that attaches it to the
-- existing lead. It answers whether the claim was granted (false: the key is taken, nothing was stored).
create function intake_first_contact(claims bigint, new_leads bigint) returns boolean
language plpgsql volatile as $$
begin
    if claims > 0 and new_leads = 0 then
        raise exception 'the person of this first-contact submission already has a lead' using errcode = 'SMP01';
    end if;
    return claims > 0;
end $$;
