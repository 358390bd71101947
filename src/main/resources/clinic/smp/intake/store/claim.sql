-- Claims an idempotency key for a submission that is not a first contact (see package-info), with the response the
-- submission gives, and, only if the claim is granted, takes the person's advisory locks, in the array's order.
-- One row: granted. No row: the key is held by a stored submission (read it with claimed-response.sql).
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
    returning 1 as granted)
select c.granted
  from claimed c
 where (select count(pg_advisory_xact_lock(hashtextextended(l.name, 0)))
          from unnest(cast(:locks as text[])) as l(name)
         where c.granted = 1) >= 0
