-- Turns the statement log of ONE service submission into a pgbench script that replays the same transaction.
--
-- The harness logs with log_statement=all to csvlog, loads the log here (bench.log, the csvlog layout of
-- PostgreSQL 15), and calls bench.pgbench_script(). Each logged statement keeps its placeholders; a bind parameter
-- that must differ between transactions becomes an expression of pgbench variables (:client_id, :cnt, :seq, :run),
-- so that each replayed transaction, like each request, is a new person:
--   * UUIDs (alone or in arrays) -> time-ordered UUIDs from :seq (a per-client counter on top of a ms timestamp),
--                                   the client and the run (the service's ids are UUIDv7: also time-ordered)
--   * human references (E-/A-)   -> a unique 16-character reference
--   * the email, phone and Idempotency-Key of the captured request -> unique values
--   * timestamps                 -> now() plus the same offset as in the captured request (so expires_at stays +24 h)
-- Every other parameter (the JSON documents, the consent arrays, the request hash, names, ...) is replayed as captured,
-- and still as a bind parameter: a pgbench variable (:b1, :b2, ...) whose value bench.script_var holds, for pgbench's
-- -D. Inlined as a literal, a value such as cast('{...}' as jsonb) would be parsed once, when the statement is planned,
-- instead of on every execution as the service's parameter is: the replay would skip work the service's statement
-- costs the server. NULL and empty parameters become literals (a pgbench variable can be neither).
create schema if not exists bench;

drop table if exists bench.log;
create table bench.log (
    log_time timestamp(3) with time zone, user_name text, database_name text, process_id integer,
    connection_from text, session_id text, session_line_num bigint, command_tag text,
    session_start_time timestamp with time zone, virtual_transaction_id text, transaction_id bigint,
    error_severity text, sql_state_code text, message text, detail text, hint text, internal_query text,
    internal_query_pos integer, context text, query text, query_pos integer, location text, application_name text,
    backend_type text, leader_pid integer, query_id bigint);

-- The statements of the transaction that contains the first statement matching p_marker: all the statements of its
-- session with its virtual transaction id (from BEGIN to COMMIT, or the statement alone in autocommit), in order:
-- with parameters inlined (sql), and as logged (stmt, with $1, $2, ...; params holds their values, a NULL element for
-- a NULL parameter).
create or replace function bench.transaction(p_marker text)
returns table (line bigint, logged_at timestamptz, sql text, stmt text, params text[]) language plpgsql as $$
declare
    target record;
    r record;
    p text[];
begin
    select * into target from bench.log
     where user_name = 'smp' and message ~ ('^(execute [^ ]+|statement): ' || p_marker)
     order by log_time, session_line_num limit 1;
    if target is null then
        raise exception 'no logged statement matches %', p_marker;
    end if;
    for r in select * from bench.log
              where session_id = target.session_id and virtual_transaction_id = target.virtual_transaction_id
                and message ~ '^(execute [^ ]+|statement): '
              order by session_line_num loop
        stmt := regexp_replace(r.message, '^(execute [^ ]+|statement): ', '');
        sql := stmt;
        params := '{}';
        -- parameters: $1 = 'a', $2 = NULL ... ; replace the highest numbers first so $1 cannot clobber $12
        if r.detail like 'parameters: %' then
            for p in select m from regexp_matches(r.detail, '\$([0-9]+) = (NULL|''(?:[^'']|'''')*'')', 'g') as m
                      order by (m[1])::int desc loop
                sql := replace(sql, '$' || p[1], p[2]);
                params[(p[1])::int] := case when p[2] = 'NULL' then null
                                            else replace(substr(p[2], 2, length(p[2]) - 2), '''''', '''') end;
            end loop;
        end if;
        line := r.session_line_num;
        logged_at := r.log_time;
        return next;
    end loop;
end $$;

-- The pgbench expression of the k-th distinct UUID of a transaction: time-ordered from :seq, unique per client and run.
create or replace function bench.uuid_expression(k int) returns text language sql immutable as $$
    select format('cast(lpad(to_hex(cast(:seq as bigint)), 12, ''0'') || ''7'' || lpad(to_hex(cast(:client_id as int)), 3, ''0'') || ''8%s'' || lpad(to_hex(cast(:run as int)), 12, ''0'') as uuid)',
                  lpad(to_hex(k), 3, '0'))
$$;

-- One parameter's replacement (see the header), or null for a value replayed as captured. p_known maps captured
-- values to a kind: email, phone, key.
create or replace function bench.vary_literal(p_value text, p_known jsonb, p_keep text[], p_t0 timestamptz,
                                              inout p_uuids text[], out replacement text)
language plpgsql as $$
declare
    k int;
    known_kind text;
    prefix text;
begin
    -- A known value, alone or behind a "word:" prefix (the advisory-lock keys are 'email:<email>', 'phone:<phone>').
    prefix := coalesce(substring(p_value from '^([a-z]+:)'), '');
    known_kind := coalesce(p_known ->> p_value, p_known ->> substr(p_value, length(prefix) + 1));
    if known_kind is not null then
        replacement := case known_kind
            when 'email' then '(''bench.'' || cast(:client_id as text) || ''.'' || cast(:seq as text) || ''.'' || cast(:run as text) || ''@example.com'')'
            when 'phone' then '(''+447'' || lpad(cast((cast(:run as int) % 70 * 64 + cast(:client_id as int)) * 150000 + cast(:cnt as int) % 150000 as text), 9, ''0''))'
            when 'key' then '(''pgb-'' || cast(:run as text) || ''-'' || cast(:client_id as text) || ''-'' || cast(:cnt as text))'
        end;
        if p_known ->> p_value is null then
            replacement := '(E''' || replace(prefix, ':', '\x3a') || ''' || ' || replacement || ')';
        end if;
    elsif p_value ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' and not p_value = any (p_keep) then
        k := array_position(p_uuids, p_value);
        if k is null then
            p_uuids := p_uuids || p_value;
            k := cardinality(p_uuids);
        end if;
        replacement := bench.uuid_expression(k);
    elsif p_value ~ '^\{[0-9a-f]{8}-[0-9a-f-]{27}(,[0-9a-f]{8}-[0-9a-f-]{27})*\}$' then
        -- An array of UUIDs (the consent rows' ids): each element varied like a lone UUID.
        replacement := 'cast(array[';
        for k in 1 .. cardinality(string_to_array(trim(both '{}' from p_value), ',')) loop
            p_uuids := p_uuids || (string_to_array(trim(both '{}' from p_value), ','))[k];
            replacement := replacement || case when k > 1 then ', ' else '' end
                || bench.uuid_expression(cardinality(p_uuids));
        end loop;
        replacement := replacement || '] as text)';
    elsif p_value ~ '^[EA]-[0-9A-Z]{4}-[0-9A-Z]{4}$' then
        replacement := '(''B'' || upper(substr(md5(cast(:seq as text) || ''.'' || cast(:client_id as text) || ''.'' || cast(:run as text)), 1, 15)))';
    elsif p_value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([+-][0-9]{2}(:?[0-9]{2})?|Z)$' then
        replacement := format('(now() + interval ''%s seconds'')',
                              round(extract(epoch from (p_value::timestamptz - p_t0))::numeric, 3));
    else
        replacement := null;
    end if;
end $$;

-- The values of the pgbench variables :b1, :b2, ... of each script, for pgbench -D name=value.
create table if not exists bench.script_var (script text, name text, value text not null, primary key (script, name));

-- The pgbench script p_script (also the key of its variables in bench.script_var). p_only: null for the whole
-- transaction, or a regex choosing single statements (run without BEGIN/COMMIT, i.e. autocommit), e.g.
-- '^insert into enquiry ' for the bare INSERT of the submission row.
create or replace function bench.pgbench_script(p_script text, p_marker text, p_known jsonb, p_keep text[] default '{}',
                                                p_only text default null)
returns text language plpgsql as $$
declare
    r record;
    t0 timestamptz;
    uuids text[] := '{}';
    out text := E'\\set cnt :cnt + 1\n\\set seq :base + :cnt\n';
    stmt text;
    n int;
    v record;
    bound int := 0;
begin
    delete from bench.script_var where script = p_script;
    select min(logged_at) into t0 from bench.transaction(p_marker);
    for r in select * from bench.transaction(p_marker) order by line loop
        if p_only is not null and r.sql !~* p_only then
            continue;
        end if;
        if r.sql ~* 'nextval\(''human_reference_seq''\)' then
            out := out || E'-- skipped: select nextval(''human_reference_seq'') (one call per 50 references)\n';
            continue;
        end if;
        if r.stmt ~ ':[a-z_]' then
            raise exception 'pgbench would read a variable in this statement: %', r.stmt;
        end if;
        stmt := r.stmt;
        -- the highest numbers first, so that $1 cannot clobber $12
        for n in reverse coalesce(array_upper(r.params, 1), 0) .. 1 loop
            if r.params[n] is null or r.params[n] = '' then   -- pgbench -D takes no empty value either
                stmt := replace(stmt, '$' || n, case when r.params[n] is null then 'NULL' else '''''' end);
                continue;
            end if;
            select * into v from bench.vary_literal(r.params[n], p_known, p_keep, t0, uuids);
            uuids := v.p_uuids;
            if v.replacement is null then
                bound := bound + 1;
                insert into bench.script_var values (p_script, 'b' || bound, r.params[n]);
                stmt := replace(stmt, '$' || n, ':b' || bound);
            else
                stmt := replace(stmt, '$' || n, v.replacement);
            end if;
        end loop;
        out := out || rtrim(stmt, E'; \n') || E';\n';
    end loop;
    return out;
end $$;
