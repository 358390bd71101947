-- The CRM's commonest combined filter, status and outcome (e.g. CONTACTED leads whose triage is SUITABLE), newest first.
-- With only the single-column indexes, the first page of such a list scanned the outcome index past every newer lead
-- of another status (110 ms p50 at 1M leads in bench/ before this index; bench/RESULTS.md has the figure after).
create index lead_status_outcome_created_idx on lead (status, latest_outcome, created_at desc, id desc);
