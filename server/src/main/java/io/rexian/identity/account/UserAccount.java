package io.rexian.identity.account;

import io.rexian.identity.Permission;
import io.rexian.identity.UserView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A member of staff who signs in. Guards its own lockout and password-change state. */
@Entity
@Table(name = "identity_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    private String mobile;

    private String email;

    @Column(name = "team_id")
    private Long teamId;

    private boolean enabled = true;

    @Column(name = "sip_extension")
    private String sipExtension;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at")
    private Instant createdAt;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "identity_user_role", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new HashSet<>();

    @Version
    private long version;

    protected UserAccount() {
    }

    /** @param temporaryPassword the user must change the password at first sign-in */
    public UserAccount(String username, String passwordHash, boolean temporaryPassword, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.mustChangePassword = temporaryPassword;
        this.createdAt = createdAt;
        this.displayName = username;
    }

    public void describe(String displayName, String mobile, String email, Long teamId, String sipExtension) {
        this.displayName = displayName;
        this.mobile = blankToNull(mobile);
        this.email = blankToNull(email);
        this.teamId = teamId;
        this.sipExtension = blankToNull(sipExtension);
    }

    public void assignRoles(Collection<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    public void enable(boolean on) {
        this.enabled = on;
    }

    /** Sets a new password; {@code temporary} forces a change at the next sign-in. */
    public void setPassword(String newHash, boolean temporary) {
        this.passwordHash = newHash;
        this.mustChangePassword = temporary;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a failure; the {@code maxFailures}-th in a row locks the account for {@code lockFor}. */
    public boolean loginFailed(Instant now, int maxFailures, Duration lockFor) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            failedLogins = 0;
            lockedUntil = now.plus(lockFor);
            return true;
        }
        return false;
    }

    public void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public Set<Permission> permissions() {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(r.permissions()));
        return all;
    }

    public UserView view() {
        return new UserView(id, username, displayName, mobile, teamId, enabled);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String mobile() { return mobile; }
    public String email() { return email; }
    public Long teamId() { return teamId; }
    public boolean enabled() { return enabled; }
    public String sipExtension() { return sipExtension; }
    public String passwordHash() { return passwordHash; }
    public boolean mustChangePassword() { return mustChangePassword; }
    public int failedLogins() { return failedLogins; }
    public Instant lockedUntil() { return lockedUntil; }
    public Instant createdAt() { return createdAt; }
    public Set<Role> roles() { return Set.copyOf(roles); }
    public long version() { return version; }
}
