-- Group commit (FirstContacts): concurrent first-contact statements run as one JDBC batch in one transaction, and a
-- batch's statements can report nothing back but success or failure (the driver drops the rows a batched statement
-- returns). So the first-contact statement now either stores everything or fails: when its idempotency key is taken
-- (a retry of a stored submission, or a key reused for another body), it aborts with SQLSTATE SMP02 instead of
-- answering false. It had stored nothing in that case already; the service then claims the key in a transaction, as
-- before, and replays the stored response or refuses the reuse. SMP01 (the person already has a lead) is unchanged.
drop function intake_first_contact(bigint, bigint);

create function intake_first_contact(claims bigint, new_leads bigint) returns void
language plpgsql volatile as $$
begin
    if claims = 0 then
        raise exception 'the idempotency key of this first-contact submission is taken' using errcode = 'SMP02';
    end if;
    if new_leads = 0 then
        raise exception 'the person of this first-contact submission already has a lead' using errcode = 'SMP01';
    end if;
end $$;
