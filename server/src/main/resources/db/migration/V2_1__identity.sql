-- Organisation tree: company -> departments/branches -> teams. Only TEAM rows carry a kind.
CREATE TABLE org_unit (
    id                  bigserial PRIMARY KEY,
    parent_id           bigint REFERENCES org_unit (id),
    name                varchar(100) NOT NULL,
    unit_type           varchar(20)  NOT NULL CHECK (unit_type IN ('COMPANY', 'DEPARTMENT', 'TEAM')),
    team_kind           varchar(20)  CHECK (team_kind IN ('HOTLINE', 'REPAIR', 'MANAGEMENT', 'OTHER')),
    responsible_user_id bigint,
    version             bigint       NOT NULL DEFAULT 0,
    CHECK ((unit_type = 'TEAM') = (team_kind IS NOT NULL))
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
CREATE UNIQUE INDEX org_unit_sibling_name_uq ON org_unit (coalesce(parent_id, 0), name);

CREATE TABLE org_unit_district (
    org_unit_id bigint       NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
    position    int          NOT NULL,
    district    varchar(100) NOT NULL,
    PRIMARY KEY (org_unit_id, position)
);
CREATE INDEX org_unit_district_idx ON org_unit_district (district);

CREATE TABLE identity_role (
    id       bigserial PRIMARY KEY,
    code     varchar(40)  NOT NULL UNIQUE,
    name     varchar(100) NOT NULL,
    built_in boolean      NOT NULL DEFAULT false,
    version  bigint       NOT NULL DEFAULT 0
);

CREATE TABLE identity_role_permission (
    role_id    bigint      NOT NULL REFERENCES identity_role (id) ON DELETE CASCADE,
    permission varchar(40) NOT NULL,
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE identity_user (
    id                   bigserial PRIMARY KEY,
    username             varchar(64)  NOT NULL,
    display_name         varchar(100) NOT NULL,
    mobile               varchar(32),
    email                varchar(200),
    team_id              bigint REFERENCES org_unit (id),
    enabled              boolean      NOT NULL DEFAULT true,
    sip_extension        varchar(20),
    password_hash        varchar(200) NOT NULL,
    must_change_password boolean      NOT NULL DEFAULT false,
    failed_logins        int          NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    created_at           timestamptz  NOT NULL,
    version              bigint       NOT NULL DEFAULT 0
);
-- Usernames are case-insensitive at sign-in.
CREATE UNIQUE INDEX identity_user_username_uq ON identity_user (lower(username));
CREATE UNIQUE INDEX identity_user_sip_extension_uq ON identity_user (sip_extension) WHERE sip_extension IS NOT NULL;
CREATE INDEX identity_user_team_idx ON identity_user (team_id);
CREATE INDEX identity_user_search_idx ON identity_user USING gin ((username || ' ' || display_name || ' ' || coalesce(mobile, '')) gin_trgm_ops);

ALTER TABLE org_unit ADD CONSTRAINT org_unit_responsible_fk FOREIGN KEY (responsible_user_id) REFERENCES identity_user (id);

CREATE TABLE identity_user_role (
    user_id bigint NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    role_id bigint NOT NULL REFERENCES identity_role (id),
    PRIMARY KEY (user_id, role_id)
);

-- Bearer tokens of the REST API: random, only their SHA-256 is stored.
CREATE TABLE identity_access_token (
    id         bigserial PRIMARY KEY,
    token_hash char(64)    NOT NULL UNIQUE,
    user_id    bigint      NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX identity_access_token_expiry_idx ON identity_access_token (expires_at);

-- API keys for integrations: shown once, only their SHA-256 is stored. Act as the bound
-- user, limited to the key's roles when any are given.
CREATE TABLE identity_api_key (
    id           bigserial PRIMARY KEY,
    name         varchar(100) NOT NULL,
    key_prefix   varchar(12)  NOT NULL,
    key_hash     char(64)     NOT NULL UNIQUE,
    user_id      bigint       NOT NULL REFERENCES identity_user (id),
    created_at   timestamptz  NOT NULL,
    created_by   varchar(64)  NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    version      bigint       NOT NULL DEFAULT 0
);

CREATE TABLE identity_api_key_role (
    api_key_id bigint NOT NULL REFERENCES identity_api_key (id) ON DELETE CASCADE,
    role_id    bigint NOT NULL REFERENCES identity_role (id),
    PRIMARY KEY (api_key_id, role_id)
);

CREATE TABLE audit_event (
    id             bigserial PRIMARY KEY,
    at             timestamptz  NOT NULL,
    actor_id       bigint,
    actor_username varchar(64)  NOT NULL,
    entity_type    varchar(50)  NOT NULL,
    entity_id      varchar(100),
    action         varchar(50)  NOT NULL,
    changes        jsonb        NOT NULL DEFAULT '{}'::jsonb,
    remote_address varchar(64)
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_username, at DESC);
