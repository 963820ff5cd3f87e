-- The export log also names the unit whose results were exported and what the file held (the responses one by
-- one, or the aggregates only); an admin named in the configuration who is not on the roster exports too, so the
-- exporter may be null. Still never the file's content. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
alter table survey_export add column unit_id bigint references org_unit (id);
alter table survey_export add column detail varchar(12);
alter table survey_export alter column exported_by drop not null;
