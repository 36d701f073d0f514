package io.rexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.RexianApplication;
import io.rexian.identity.AuditLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the data lives: the embedded PostgreSQL keeps it across restarts of the server, and a
 * configured external PostgreSQL is used instead of the embedded one.
 */
class DatabaseLocationTests {

    @TempDir
    Path work;

    @Test
    void aRestartKeepsWhatWasWritten() {
        Path dataDir = work.resolve("pg");
        try (ConfigurableApplicationContext first = start("--rexian.db.embedded-dir=" + dataDir)) {
            first.getBean(TransactionTemplate.class).executeWithoutResult(tx -> first.getBean(AuditLog.class)
                    .record("restart_test", "42", "create", Map.of("note", "before restart")));
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start("--rexian.db.embedded-dir=" + dataDir)) {
            assertThat(second.getBean(JdbcClient.class)
                    .sql("select count(*) from audit_event where entity_type = 'restart_test' and entity_id = '42'")
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aConfiguredDatabaseIsUsedInsteadOfTheEmbeddedOne() throws Exception {
        Path unusedDir = work.resolve("embedded-not-used");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(work.resolve("external"))
                .setCleanDataDirectory(true).start()) {
            try (ConfigurableApplicationContext app = start(
                    "--rexian.db.url=" + external.getJdbcUrl("postgres", "postgres"),
                    "--rexian.db.user=postgres", "--rexian.db.password=",
                    "--rexian.db.embedded-dir=" + unusedDir)) {
                assertThat(app.getBean(JdbcClient.class).sql("select 1").query(Integer.class).single()).isEqualTo(1);
            }
            // Flyway created the schema in the external database, and no embedded one was started
            assertThat(JdbcClient.create(external.getPostgresDatabase())
                    .sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                    .isPositive();
            assertThat(Files.exists(unusedDir)).isFalse();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--rexian.db.embedded-clean=false";
        all[args.length + 1] = "--server.port=0";
        all[args.length + 2] = "--rexian.sip.enabled=false";
        return new SpringApplicationBuilder(RexianApplication.class).run(all);
    }
}
