-- What a CRM keeps beside the display name: the name split in two (set by a CRM or staff; a form with one name field
-- fills only the display name, and a new display name clears a split that no longer matches it), and the CRM's own
-- record ids, one per system ({"hubspot": "123"}), found with ?externalId=hubspot:123 through the GIN index.
alter table lead add column given_name varchar(100);
alter table lead add column family_name varchar(100);
alter table lead add column external_ids jsonb not null default '{}';
create index lead_external_ids_idx on lead using gin (external_ids jsonb_path_ops);
