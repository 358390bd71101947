-- Every assessment writes two rows of about 2-3 KB: its idempotency record (the stored receipt, triage included) and
-- its triage result. PostgreSQL compresses a row over 2032 bytes when it is inserted (pglz, on the submission's own
-- connection), about half of them with the bench's varied assessments. Compressing them costs more than it saves:
-- storing them inline and uncompressed up to 8160 bytes cut PostgreSQL's CPU per assessment by 10-15 % and raised the
-- rate at 64 connections by 9-11 % in a probe (bench/RESULTS.md, change 25). Idempotency records live for a day; a
-- triage result takes about 1 KB more on disk.
alter table idempotency_record set (toast_tuple_target = 8160);
alter table triage_result set (toast_tuple_target = 8160);
