-- Webhooks send an event's first attempt straight from the change feed, and store its delivery once, already
-- finished (or pending its retry). While the calls of a round are in flight, the subscription's place in the feed is
-- leased to the instance that read it: lease_token names that round, lease_until is when another instance may take
-- the place over (the round died) and send the same events again, with the same webhook-ids.
alter table webhook_subscription add column lease_token uuid;
alter table webhook_subscription add column lease_until timestamptz;
