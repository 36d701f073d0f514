package io.rexian.identity.account;

import io.rexian.identity.AuditLog;
import io.rexian.identity.org.OrgUnit;
import io.rexian.identity.org.OrgUnits;
import io.rexian.platform.DomainException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing users and their passwords. Callers check USER_ADMIN (or, for
 * {@link #changeOwnPassword}, that the user is himself); every write is audited.
 */
@Service
@Transactional
public class UserAdministration {

    static final String ENTITY = "user";
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{2,64}$");

    private final UserAccounts accounts;
    private final Roles roles;
    private final OrgUnits units;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    UserAdministration(UserAccounts accounts, Roles roles, OrgUnits units, PasswordEncoder encoder,
                       PasswordPolicy policy, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.units = units;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param temporary the user must change the password at first sign-in */
    public UserAccount create(String username, String password, boolean temporary, UserProfile profile) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw DomainException.invalid("identity.user.usernameInvalid");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw DomainException.conflict("identity.user.usernameTaken", username);
        }
        policy.check(username, password);
        UserAccount user = new UserAccount(username, encoder.encode(password), temporary, clock.instant());
        apply(user, profile);
        accounts.saveAndFlush(user);
        Map<String, Object> changes = describe(user);
        changes.put("mustChangePassword", temporary);
        audit.record(ENTITY, user.id().toString(), "create", changes);
        return user;
    }

    public UserAccount update(long userId, UserProfile profile) {
        UserAccount user = load(userId);
        Map<String, Object> before = describe(user);
        apply(user, profile);
        accounts.saveAndFlush(user);
        Map<String, Object> after = describe(user);
        Map<String, Object> changes = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                changes.put(k, List.of(String.valueOf(before.get(k)), String.valueOf(v)));
            }
        });
        audit.record(ENTITY, user.id().toString(), "update", changes);
        return user;
    }

    public void setEnabled(long userId, boolean enabled) {
        UserAccount user = load(userId);
        if (user.enabled() != enabled) {
            user.enable(enabled);
            audit.record(ENTITY, user.id().toString(), enabled ? "enable" : "disable", Map.of("enabled", enabled));
        }
    }

    /** @return the new temporary password, to be shown once to the administrator */
    public String resetPassword(long userId) {
        UserAccount user = load(userId);
        String temporary = policy.temporaryPassword();
        user.setPassword(encoder.encode(temporary), true);
        audit.record(ENTITY, user.id().toString(), "reset_password", Map.of("mustChangePassword", true));
        return temporary;
    }

    /** Sets a known password, e.g. for automated installs; {@code temporary} forces a change. */
    public void setPassword(long userId, String password, boolean temporary) {
        UserAccount user = load(userId);
        policy.check(user.username(), password);
        user.setPassword(encoder.encode(password), temporary);
        audit.record(ENTITY, user.id().toString(), "set_password", Map.of("mustChangePassword", temporary));
    }

    public void changeOwnPassword(long userId, String oldPassword, String newPassword) {
        UserAccount user = load(userId);
        if (oldPassword == null || !encoder.matches(oldPassword, user.passwordHash())) {
            throw DomainException.invalid("identity.password.oldWrong");
        }
        policy.check(user.username(), newPassword);
        if (encoder.matches(newPassword, user.passwordHash())) {
            throw DomainException.invalid("identity.password.unchanged");
        }
        user.setPassword(encoder.encode(newPassword), false);
        audit.record(ENTITY, user.id().toString(), "change_password", Map.of());
    }

    private void apply(UserAccount user, UserProfile profile) {
        if (profile.teamId() != null) {
            OrgUnit team = units.findById(profile.teamId())
                    .orElseThrow(() -> DomainException.invalid("identity.user.teamUnknown", profile.teamId()));
            if (!team.isTeam()) {
                throw DomainException.invalid("identity.org.notATeam", team.name());
            }
        }
        String ext = profile.sipExtension() == null ? null : profile.sipExtension().trim();
        if (ext != null && !ext.isEmpty()) {
            accounts.findBySipExtension(ext).filter(other -> !other.id().equals(user.id())).ifPresent(other -> {
                throw DomainException.conflict("identity.user.extensionTaken", ext, other.username());
            });
        }
        List<Role> assigned = profile.roleCodes().stream()
                .map(code -> roles.findByCode(code)
                        .orElseThrow(() -> DomainException.invalid("identity.role.unknown", code)))
                .toList();
        user.describe(profile.displayName().trim(), profile.mobile(), profile.email(), profile.teamId(), ext);
        user.assignRoles(assigned);
    }

    private UserAccount load(long userId) {
        return accounts.findById(userId).orElseThrow(() -> DomainException.notFound("identity.user.notFound", userId));
    }

    private static Map<String, Object> describe(UserAccount user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", user.username());
        m.put("displayName", user.displayName());
        m.put("mobile", user.mobile());
        m.put("email", user.email());
        m.put("teamId", user.teamId());
        m.put("sipExtension", user.sipExtension());
        m.put("enabled", user.enabled());
        Set<String> codes = new TreeSet<>();
        user.roles().forEach(r -> codes.add(r.code()));
        m.put("roles", String.join(",", codes));
        return m;
    }
}
