-- Failures are recorded where they happen: a reminder whose job threw (tried again with growing waits), a series
-- whose nightly extension failed (tried again the next night; the other series are extended regardless).

alter table activity_reminder add column attempts integer not null default 0;
alter table activity_reminder add column last_error varchar(80);
alter table activity_series add column extension_error varchar(80);
alter table activity_series add column extension_failed_at timestamp(6) with time zone;
