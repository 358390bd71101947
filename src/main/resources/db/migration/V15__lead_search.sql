-- Staff find a person by the start of their name (GET /api/v1/leads?q=): a prefix match on the lower-cased name.
-- Email (email_key), phone and the references already have their unique indexes.
create index lead_name_prefix_idx on lead (lower(name) text_pattern_ops);
