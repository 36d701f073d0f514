package io.rexian.identity.security;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.account.Role;
import io.rexian.identity.account.UserAccount;
import io.rexian.identity.account.UserAccounts;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the authentication of a user from the database, so that disabling him or changing
 * his roles takes effect on his next request, whatever credential he uses.
 */
@Component
@Transactional(readOnly = true)
public class Principals {

    private final UserAccounts accounts;

    Principals(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Empty when the user no longer exists or is disabled. */
    public Optional<Signed> load(long userId, RexianAuthentication.Via via) {
        return accounts.findById(userId).filter(UserAccount::enabled).map(u -> signed(u, null, via));
    }

    /** @param restriction when not null, the user keeps only these permissions (API keys with roles) */
    Optional<Signed> load(long userId, Set<Permission> restriction, RexianAuthentication.Via via) {
        return accounts.findById(userId).filter(UserAccount::enabled).map(u -> signed(u, restriction, via));
    }

    public static CurrentUser currentUser(UserAccount account) {
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.teamId(),
                account.permissions());
    }

    private static Signed signed(UserAccount account, Set<Permission> restriction, RexianAuthentication.Via via) {
        Set<Permission> permissions = account.permissions();
        if (restriction != null) {
            permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
            permissions.retainAll(restriction);
        }
        CurrentUser user = new CurrentUser(account.id(), account.username(), account.displayName(),
                account.teamId(), permissions);
        return new Signed(new RexianAuthentication(user, account.roles().stream().map(Role::code).sorted().toList(), via),
                account.mustChangePassword());
    }

    /** An authentication plus whether the user must change his password before anything else. */
    public record Signed(RexianAuthentication authentication, boolean mustChangePassword) {
    }
}
