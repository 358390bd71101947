-- The stored response of a key that claim.sql found taken, and the fingerprint of the request that took it.
select request_hash, response_status, response_location, response_body
  from idempotency_record
 where scope = :scope and idem_key = :idem_key
