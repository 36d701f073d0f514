package io.rexian.platform;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rexian.*} that belong to no single module.
 *
 * @param demo        seed the demo heating company and its demo users (never in production)
 * @param timeZone    the utility's local time zone: deadlines, calendars and reports use it
 * @param storageRoot where recordings, voicemail and attachments are stored
 * @param db          which PostgreSQL to use
 */
@ConfigurationProperties("rexian")
public record PlatformSettings(
        @DefaultValue("false") boolean demo,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("rexian-data/files") Path storageRoot,
        @DefaultValue Db db) {

    /**
     * @param url           JDBC URL of an external PostgreSQL; blank starts the embedded one
     * @param user          user for the external database
     * @param password      password for the external database
     * @param embeddedDir   data directory of the embedded PostgreSQL (kept across restarts)
     * @param embeddedPort  port of the embedded PostgreSQL, 0 for any free port
     * @param embeddedClean wipe the embedded data directory at start (tests only)
     */
    public record Db(
            String url,
            String user,
            String password,
            @DefaultValue("rexian-data/pg") Path embeddedDir,
            @DefaultValue("0") int embeddedPort,
            @DefaultValue("false") boolean embeddedClean) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }
}
