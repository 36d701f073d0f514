-- Per-extension call features (telephony ExtensionFeatures), kept so they survive a restart.
CREATE TABLE callcenter_extension_feature (
    extension          varchar(20)  PRIMARY KEY,
    do_not_disturb     boolean      NOT NULL DEFAULT false,
    call_waiting       boolean      NOT NULL DEFAULT true,
    forward_always     varchar(64),
    forward_busy       varchar(64),
    forward_no_answer  varchar(64),
    pickup_group       varchar(64),
    updated_at         timestamptz  NOT NULL
);
