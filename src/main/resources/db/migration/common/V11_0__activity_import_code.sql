-- Activities imported from a province's Excel books (--import-records, sheet hoat_dong) keep the book's activity
-- code ("Mã hoạt động"), so importing the same book again finds them instead of adding them twice.
alter table activity add column import_code varchar(60);
create unique index ux_activity_import_code on activity (import_code);
