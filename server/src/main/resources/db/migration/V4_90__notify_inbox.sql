-- The built-in in-app channel of the notification SPI: one row per message per user.
create table notify_inbox (
    id          bigserial primary key,
    user_id     bigint not null,
    message_key varchar(100) not null,
    args        text not null default '',
    link        varchar(300),
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index notify_inbox_user on notify_inbox (user_id, created_at desc);
