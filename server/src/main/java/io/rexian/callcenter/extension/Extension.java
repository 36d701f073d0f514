package io.rexian.callcenter.extension;

import io.rexian.telephony.ExtensionSecret;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A SIP extension an administrator manages. Holds only the digest HA1 hashes (see
 * {@code ExtensionDirectory}); the password itself never reaches this object.
 */
@Entity
@Table(name = "callcenter_extension")
class Extension {

    @Id
    @Column(name = "extension")
    private String number;

    @Column(name = "user_id")
    private Long ownerId;

    private String realm;

    @Column(name = "ha1_md5", length = 32)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String ha1Md5;

    @Column(name = "ha1_sha256", length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String ha1Sha256;

    private boolean enabled;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private Long version;

    protected Extension() {
    }

    Extension(String number, Long ownerId, String realm, ExtensionSecret secret, Instant now, String by) {
        this.number = number;
        this.ownerId = ownerId;
        this.enabled = true;
        setSecret(realm, secret);
        touch(now, by);
    }

    /** New hashes for a new password; phones registered with the old one fail at their next re-registration. */
    void changePassword(String newRealm, ExtensionSecret secret, Instant now, String by) {
        setSecret(newRealm, secret);
        touch(now, by);
    }

    /** @return whether anything changed */
    boolean setEnabled(boolean value, Instant now, String by) {
        if (enabled == value) {
            return false;
        }
        enabled = value;
        touch(now, by);
        return true;
    }

    /** @return whether the owner changed; null: nobody owns it */
    boolean assignTo(Long newOwnerId, Instant now, String by) {
        if (java.util.Objects.equals(ownerId, newOwnerId)) {
            return false;
        }
        ownerId = newOwnerId;
        touch(now, by);
        return true;
    }

    private void setSecret(String newRealm, ExtensionSecret secret) {
        this.realm = newRealm;
        this.ha1Md5 = secret.ha1Md5();
        this.ha1Sha256 = secret.ha1Sha256();
    }

    private void touch(Instant now, String by) {
        this.updatedAt = now;
        this.updatedBy = by;
    }

    String number() { return number; }
    Long ownerId() { return ownerId; }
    String realm() { return realm; }
    boolean enabled() { return enabled; }
    Instant updatedAt() { return updatedAt; }
    String updatedBy() { return updatedBy; }
    long version() { return version == null ? 0 : version; }
}
