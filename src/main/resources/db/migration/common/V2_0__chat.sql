-- Chat core: updates already handled, dialog sessions, inline button keys.

create table processed_update (
    channel      varchar(20)  not null,
    update_key   varchar(40)  not null,
    processed_at timestamp(6) with time zone not null,
    primary key (channel, update_key)
);
create index processed_update_time on processed_update (processed_at);

create table dialog_session (
    channel    varchar(20)   not null,
    chat_id    varchar(40)   not null,
    user_id    varchar(40)   not null,
    dialog     varchar(60)   not null,
    step       varchar(60)   not null,
    data       varchar(8000) not null,
    updated_at timestamp(6) with time zone not null,
    primary key (channel, chat_id, user_id)
);

create table button_token (
    token      varchar(24)  not null primary key,
    channel    varchar(20)  not null,
    user_id    varchar(40),
    action     varchar(60)  not null,
    payload    varchar(500),
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null
);
create index button_token_expiry on button_token (expires_at);
