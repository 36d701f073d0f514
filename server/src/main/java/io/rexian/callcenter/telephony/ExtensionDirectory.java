package io.rexian.callcenter.telephony;

import io.rexian.telephony.ExtensionCredentials;
import io.rexian.telephony.ExtensionSecret;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extension credentials in table {@code callcenter_extension}. Only digest HA1 hashes are stored
 * (MD5 and SHA-256 of "extension:realm:password"): the registrar never needs the password, and
 * a copied table does not reveal it (nor open other systems where the user reused it). The
 * price: HA1 is bound to the realm, so changing {@code rexian.sip.realm} requires new passwords.
 */
@Component
public class ExtensionDirectory implements ExtensionCredentials {

    private final JdbcClient jdbc;
    private final Clock clock;

    ExtensionDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<ExtensionSecret> find(String extension) {
        return jdbc.sql("""
                        select extension, ha1_md5, ha1_sha256 from callcenter_extension
                        where extension = :extension and enabled""")
                .param("extension", extension)
                .query((rs, n) -> new ExtensionSecret(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Creates the extension, or sets its password (and owner) when it exists. */
    @Transactional
    public void save(String extension, Long userId, String realm, String password) {
        ExtensionSecret secret = ExtensionSecret.fromPassword(extension, realm, password);
        jdbc.sql("""
                        insert into callcenter_extension (extension, user_id, realm, ha1_md5, ha1_sha256, enabled, updated_at)
                        values (:extension, :userId, :realm, :md5, :sha256, true, :now)
                        on conflict (extension) do update set user_id = excluded.user_id, realm = excluded.realm,
                            ha1_md5 = excluded.ha1_md5, ha1_sha256 = excluded.ha1_sha256, updated_at = excluded.updated_at,
                            version = callcenter_extension.version + 1""")
                .param("extension", extension).param("userId", userId).param("realm", realm)
                .param("md5", secret.ha1Md5()).param("sha256", secret.ha1Sha256())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    public boolean exists(String extension) {
        return jdbc.sql("select count(*) from callcenter_extension where extension = :e").param("e", extension)
                .query(Long.class).single() > 0;
    }
}
