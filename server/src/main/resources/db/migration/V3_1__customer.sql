-- Customer records as a utility keeps them, plus the built-in billing tables that serve
-- read-back and the portal until a utility connects its own billing system.

CREATE TABLE customer_class (
    code       varchar(40)  PRIMARY KEY,
    name_zh    varchar(100) NOT NULL,
    name_en    varchar(100) NOT NULL,
    builtin    boolean      NOT NULL DEFAULT false,
    sort_order int          NOT NULL DEFAULT 0
);
INSERT INTO customer_class (code, name_zh, name_en, builtin, sort_order) VALUES
    ('RESIDENT',   '居民',     'Resident',       true, 10),
    ('ENTERPRISE', '企业',     'Enterprise',     true, 20),
    ('VIP',        'VIP',      'VIP',            true, 30),
    ('GROUP',      '集团客户', 'Group customer', true, 40);

-- Fields an administrator adds; values live in customer.custom_fields under "code".
CREATE TABLE customer_field (
    code       varchar(40)  PRIMARY KEY,
    label      varchar(100) NOT NULL,
    type       varchar(10)  NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'CHOICE')),
    choices    varchar(1000) NOT NULL DEFAULT '',
    required   boolean      NOT NULL DEFAULT false,
    sort_order int          NOT NULL DEFAULT 0
);

CREATE TABLE customer (
    id              bigserial     PRIMARY KEY,
    account_no      varchar(40)   NOT NULL,
    name            varchar(100)  NOT NULL,
    class_code      varchar(40)   NOT NULL REFERENCES customer_class (code),
    id_number       varchar(40),
    district        varchar(50),
    estate          varchar(100),
    building        varchar(20),
    unit            varchar(20),
    floor           varchar(10),
    room            varchar(20),
    address_text    varchar(300),
    heated_area     numeric(12, 2),
    meter_no        varchar(40),
    meter_details   varchar(300),
    bank_name       varchar(100),
    bank_account    varchar(40),
    enterprise_name varchar(200),
    notes           varchar(2000),
    custom_fields   jsonb         NOT NULL DEFAULT '{}'::jsonb,
    version         bigint        NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CONSTRAINT customer_account_no_key UNIQUE (account_no)
);

-- Numbers are stored as normalized digits (see PhoneNumbers): exact for caller lookup,
-- trigram for "any part of any number" search.
CREATE TABLE customer_phone (
    customer_id bigint      NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    position    smallint    NOT NULL,
    number      varchar(20) NOT NULL,
    PRIMARY KEY (customer_id, position)
);

CREATE INDEX customer_phone_number_idx      ON customer_phone (number);
CREATE INDEX customer_phone_number_trgm_idx ON customer_phone USING gin (number gin_trgm_ops);
-- Exact and prefix matches (names are mostly 2-3 Chinese characters, too short for trigrams).
CREATE INDEX customer_name_prefix_idx       ON customer (name varchar_pattern_ops);
CREATE INDEX customer_name_trgm_idx         ON customer USING gin (name gin_trgm_ops);
CREATE INDEX customer_account_prefix_idx    ON customer (account_no varchar_pattern_ops);
CREATE INDEX customer_id_number_idx         ON customer (id_number);
CREATE INDEX customer_district_idx          ON customer (district, estate, building, unit, room);
CREATE INDEX customer_estate_prefix_idx      ON customer (estate varchar_pattern_ops);
CREATE INDEX customer_estate_trgm_idx       ON customer USING gin (estate gin_trgm_ops);
CREATE INDEX customer_address_trgm_idx      ON customer USING gin (address_text gin_trgm_ops);
CREATE INDEX customer_enterprise_prefix_idx ON customer (enterprise_name varchar_pattern_ops);
CREATE INDEX customer_enterprise_trgm_idx   ON customer USING gin (enterprise_name gin_trgm_ops);
CREATE INDEX customer_custom_fields_idx     ON customer USING gin (custom_fields jsonb_path_ops);

-- Built-in billing: prepaid balance per account, monthly bills, payments.
CREATE TABLE billing_account (
    account_no varchar(40)    PRIMARY KEY,
    balance    numeric(12, 2) NOT NULL DEFAULT 0,
    updated_at timestamptz    NOT NULL
);

CREATE TABLE billing_bill (
    id         bigserial      PRIMARY KEY,
    account_no varchar(40)    NOT NULL,
    period     varchar(7)     NOT NULL,
    amount     numeric(12, 2) NOT NULL,
    paid       numeric(12, 2) NOT NULL DEFAULT 0,
    due_date   date,
    CONSTRAINT billing_bill_account_period_key UNIQUE (account_no, period)
);

CREATE TABLE billing_payment (
    id         bigserial      PRIMARY KEY,
    account_no varchar(40)    NOT NULL,
    paid_at    timestamptz    NOT NULL,
    amount     numeric(12, 2) NOT NULL,
    channel    varchar(40)    NOT NULL DEFAULT ''
);
CREATE INDEX billing_payment_account_idx ON billing_payment (account_no, paid_at DESC);
