-- Work orders: types, problem categories, versioned workflow definitions, business
-- calendars, deadline rules, incidents, the work orders themselves with their history,
-- deadlines and callback visits.

create table wo_type (
    code          varchar(40) primary key,
    name_zh       varchar(100) not null,
    name_en       varchar(100) not null,
    -- consultations and suggestions may be answered by the agent without a transfer
    callback_rate integer not null default 0 check (callback_rate between 0 and 100),
    custom_fields jsonb not null default '[]'
);

create table wo_category (
    id        bigserial primary key,
    parent_id bigint references wo_category (id),
    name      varchar(100) not null,
    sort      integer not null default 0
);
create unique index wo_category_name on wo_category (coalesce(parent_id, 0), name);

-- A workflow definition is immutable once saved; editing saves the next version so that
-- work orders in flight keep the version they started with.
create table wo_workflow (
    id         bigserial primary key,
    type_code  varchar(40) not null references wo_type (code),
    version    integer not null,
    definition jsonb not null,
    created_at timestamptz not null,
    created_by varchar(100) not null,
    unique (type_code, version)
);

create table wo_calendar (
    id         bigserial primary key,
    name       varchar(100) not null unique,
    work_start time not null default '08:30',
    work_end   time not null default '17:30',
    -- ISO days of week, 1 = Monday
    work_days  varchar(20) not null default '1,2,3,4,5',
    -- month-day ranges that run round the clock, e.g. the heating season '11-15..03-15'
    round_the_clock varchar(200) not null default '',
    is_default boolean not null default false
);

create table wo_calendar_day (
    calendar_id bigint not null references wo_calendar (id) on delete cascade,
    day         date not null,
    -- true: a holiday (no business time); false: an extra working day (调休)
    holiday     boolean not null,
    primary key (calendar_id, day)
);

create table wo_deadline_rule (
    id            bigserial primary key,
    type_code     varchar(40) not null references wo_type (code),
    priority      varchar(20) not null,
    phase         varchar(20) not null,
    minutes       integer not null check (minutes > 0),
    remind_before integer not null default 0,
    unique (type_code, priority, phase)
);

create table wo_incident (
    id          bigserial primary key,
    title       varchar(200) not null,
    category_id bigint references wo_category (id),
    area        varchar(200),
    opened_at   timestamptz not null,
    opened_by   varchar(100) not null,
    closed_at   timestamptz,
    answer      text,
    version     bigint not null default 0
);

create sequence work_order_number_seq;

create table work_order (
    id              bigserial primary key,
    number          varchar(30) not null unique,
    type_code       varchar(40) not null references wo_type (code),
    workflow_id     bigint not null references wo_workflow (id),
    state           varchar(40) not null,
    priority        varchar(20) not null,
    channel         varchar(20) not null,
    customer_id     bigint,
    customer_name   varchar(200),
    customer_class  varchar(40),
    contact_phone   varchar(40) not null,
    address         varchar(300),
    category_id     bigint references wo_category (id),
    description     text not null,
    call_ref        varchar(100),
    team_id         bigint,
    incident_id     bigint references wo_incident (id),
    custom_fields   jsonb not null default '{}',
    final_answer    text,
    received_at     timestamptz not null,
    accepted_at     timestamptz,
    on_site_at      timestamptz,
    replied_at      timestamptz,
    closed_at       timestamptz,
    waiting_since   timestamptz,
    overdue         boolean not null default false,
    callback_status varchar(20),
    callback_result varchar(30),
    created_by      varchar(100) not null,
    updated_at      timestamptz not null,
    updated_by      varchar(100) not null,
    version         bigint not null default 0
);
create index work_order_received on work_order (received_at desc, id desc);
create index work_order_team_state on work_order (team_id, state, received_at desc);
create index work_order_type_received on work_order (type_code, received_at desc);
create index work_order_category on work_order (category_id, received_at desc);
create index work_order_state on work_order (state, received_at desc);
create index work_order_overdue on work_order (received_at desc) where overdue;
create index work_order_team_overdue on work_order (team_id, received_at desc) where overdue;
create index work_order_type_state on work_order (type_code, state, received_at desc);
create index work_order_callback_result on work_order (callback_result, received_at desc) where callback_result is not null;
create index work_order_callback_status on work_order (callback_status, received_at desc) where callback_status is not null;
create index work_order_phone on work_order (contact_phone);
create index work_order_customer_name on work_order (customer_name);
create index work_order_customer on work_order (customer_id) where customer_id is not null;
create index work_order_address_trgm on work_order using gin (address gin_trgm_ops);
create index work_order_custom on work_order using gin (custom_fields jsonb_path_ops);
create index work_order_incident on work_order (incident_id) where incident_id is not null;

-- Every team a work order has been with; field staff keep seeing what their team handled.
create table work_order_team (
    work_order_id bigint not null references work_order (id) on delete cascade,
    team_id       bigint not null,
    primary key (work_order_id, team_id)
);
create index work_order_team_by_team on work_order_team (team_id, work_order_id);

create table work_order_event (
    id            bigserial primary key,
    work_order_id bigint not null references work_order (id) on delete cascade,
    seq           integer not null,
    action        varchar(30) not null,
    from_state    varchar(40),
    to_state      varchar(40),
    from_team_id  bigint,
    to_team_id    bigint,
    actor         varchar(100) not null,
    at            timestamptz not null,
    note          text,
    detail        varchar(100),
    unique (work_order_id, seq)
);

create table work_order_attachment (
    id            bigserial primary key,
    work_order_id bigint not null references work_order (id) on delete cascade,
    event_seq     integer,
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint not null,
    storage_path  varchar(500) not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz not null
);
create index work_order_attachment_order on work_order_attachment (work_order_id);

create table work_order_deadline (
    id               bigserial primary key,
    work_order_id    bigint not null references work_order (id) on delete cascade,
    phase            varchar(20) not null,
    due_at           timestamptz not null,
    remind_at        timestamptz,
    met_at           timestamptz,
    reminded_at      timestamptz,
    escalation_level integer not null default 0,
    escalated_at     timestamptz,
    unique (work_order_id, phase)
);
create index work_order_deadline_open on work_order_deadline (due_at) where met_at is null;

create table work_order_callback (
    id            bigserial primary key,
    work_order_id bigint not null references work_order (id) on delete cascade,
    created_at    timestamptz not null,
    due_at        timestamptz,
    done_at       timestamptz,
    done_by       varchar(100),
    result        varchar(30),
    note          text
);
create index work_order_callback_open on work_order_callback (created_at) where done_at is null;
