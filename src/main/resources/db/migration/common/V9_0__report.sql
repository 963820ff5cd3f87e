-- Report module (issue 11): reminders to units that need a push, digest subscriptions and what was sent.

-- A unit reminded through "Nhắc tất cả" on a day (Vietnam time): at most once a day, whoever pressed.
create table report_nudge (
    unit_id    bigint                   not null,
    nudge_day  date                     not null,
    nudged_by  bigint,
    created_at timestamp with time zone not null,
    primary key (unit_id, nudge_day)
);

-- A leader subscribed to the monthly digest of her subtree.
create table report_subscription (
    member_id  bigint                   not null primary key,
    unit_id    bigint                   not null,
    created_at timestamp with time zone not null
);

-- One row per subscriber and month once her digest is handed to the outbox: never twice, across instances and
-- restarts.
create table report_digest_sent (
    member_id    bigint                   not null,
    digest_month varchar(7)               not null,
    sent_at      timestamp with time zone not null,
    primary key (member_id, digest_month)
);
