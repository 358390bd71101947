-- Cursors for the first, a middle and the last page, computed the way the service encodes them
-- (clinic.smp.lead.Cursors: base64url without padding of "l:<epoch seconds>:<nanos>:<uuid>" for the list,
-- "f:<txid>:<change id>" for the feed). The cursor of page k is the position of the last row of page k-1.
-- psql -v limit=50 -v status=... -v outcome=... ; prints "name cursor" lines (empty cursor = first page).
\set ON_ERROR_STOP on
create or replace function pg_temp.b64url(t text) returns text language sql as
$$ select rtrim(translate(replace(encode(convert_to(t, 'UTF8'), 'base64'), E'\n', ''), '+/', '-_'), '=') $$;
create or replace function pg_temp.list_cursor(at timestamptz, id uuid) returns text language sql as
$$ select pg_temp.b64url('l:' || floor(extract(epoch from at))::bigint || ':'
          || ((extract(epoch from at) - floor(extract(epoch from at))) * 1000000)::bigint * 1000 || ':' || id) $$;

-- All leads, newest first.
with n as (select count(*) as total from lead)
select 'list_all_middle', pg_temp.list_cursor(created_at, id)
  from lead order by created_at desc, id desc offset (select total / 2 from n) limit 1;
with n as (select count(*) as total from lead)
select 'list_all_last', pg_temp.list_cursor(created_at, id)
  from lead order by created_at desc, id desc offset (select greatest(total - :limit - 1, 0) from n) limit 1;
select 'list_all_count', count(*)::text from lead;

-- Filtered by status and outcome.
with n as (select count(*) as total from lead where status = :'status' and latest_outcome = :'outcome')
select 'list_filtered_middle', pg_temp.list_cursor(created_at, id)
  from lead where status = :'status' and latest_outcome = :'outcome'
 order by created_at desc, id desc offset (select total / 2 from n) limit 1;
with n as (select count(*) as total from lead where status = :'status' and latest_outcome = :'outcome')
select 'list_filtered_last', pg_temp.list_cursor(created_at, id)
  from lead where status = :'status' and latest_outcome = :'outcome'
 order by created_at desc, id desc offset (select greatest(total - :limit - 1, 0) from n) limit 1;
select 'list_filtered_count', count(*)::text from lead where status = :'status' and latest_outcome = :'outcome';
-- Page 2's cursor, to check against the nextCursor the service hands out for page 1.
select 'list_filtered_page2', pg_temp.list_cursor(created_at, id)
  from lead where status = :'status' and latest_outcome = :'outcome'
 order by created_at desc, id desc offset (:limit - 1) limit 1;

-- The feed, in (txid, id) order.
with n as (select count(*) as total from lead_change)
select 'feed_middle', pg_temp.b64url('f:' || txid || ':' || id)
  from lead_change order by txid, id offset (select total / 2 from n) limit 1;
with n as (select count(*) as total from lead_change)
select 'feed_last', pg_temp.b64url('f:' || txid || ':' || id)
  from lead_change order by txid, id offset (select greatest(total - :limit - 1, 0) from n) limit 1;
select 'feed_count', count(*)::text from lead_change;
select 'feed_page2', pg_temp.b64url('f:' || txid || ':' || id) from lead_change order by txid, id offset (:limit - 1) limit 1;
