-- SIP extensions: digest HA1 hashes only (see ExtensionDirectory for why not the password).
CREATE TABLE callcenter_extension (
    extension   varchar(20) PRIMARY KEY,
    user_id     bigint,
    realm       varchar(100) NOT NULL,
    ha1_md5     char(32)     NOT NULL,
    ha1_sha256  char(64)     NOT NULL,
    enabled     boolean      NOT NULL DEFAULT true,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0
);
CREATE INDEX callcenter_extension_user_idx ON callcenter_extension (user_id);

-- One row per finished call, as the telephony engine reported it.
CREATE TABLE callcenter_call_record (
    id              bigserial PRIMARY KEY,
    call_id         varchar(64)  NOT NULL UNIQUE,
    caller          varchar(200),
    callee          varchar(200),
    direction       varchar(16)  NOT NULL,
    started_at      timestamptz  NOT NULL,
    answered_at     timestamptz,
    ended_at        timestamptz  NOT NULL,
    disposition     varchar(16)  NOT NULL,
    cause           varchar(100),
    talk_seconds    numeric(12, 3) NOT NULL,
    total_seconds   numeric(12, 3) NOT NULL,
    recording_files text         NOT NULL DEFAULT ''
);
CREATE INDEX callcenter_call_record_started_idx ON callcenter_call_record (started_at DESC);
CREATE INDEX callcenter_call_record_caller_idx ON callcenter_call_record (caller);
CREATE INDEX callcenter_call_record_callee_idx ON callcenter_call_record (callee);

CREATE TABLE callcenter_call_leg (
    call_record_id bigint      NOT NULL REFERENCES callcenter_call_record (id) ON DELETE CASCADE,
    position       int         NOT NULL,
    party          varchar(200),
    role           varchar(16) NOT NULL,
    started_at     timestamptz NOT NULL,
    answered_at    timestamptz,
    ended_at       timestamptz,
    PRIMARY KEY (call_record_id, position)
);
