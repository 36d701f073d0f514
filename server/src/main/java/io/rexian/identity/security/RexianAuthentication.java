package io.rexian.identity.security;

import io.rexian.identity.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in user whatever the credential: the principal is the {@link CurrentUser}, the
 * authorities are his permission names plus {@code ROLE_<code>} of each role.
 */
public final class RexianAuthentication extends AbstractAuthenticationToken {

    /** Which credential proved who he is. */
    public enum Via { SESSION, TOKEN, API_KEY }

    private final CurrentUser user;
    private final Via via;

    /** For tests and internal use: an authenticated user with the given role codes. */
    public static RexianAuthentication of(CurrentUser user, List<String> roleCodes, Via via) {
        return new RexianAuthentication(user, roleCodes, via);
    }

    RexianAuthentication(CurrentUser user, List<String> roleCodes, Via via) {
        super(authorities(user, roleCodes));
        this.user = user;
        this.via = via;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(CurrentUser user, List<String> roleCodes) {
        List<GrantedAuthority> list = new ArrayList<>();
        user.permissions().forEach(p -> list.add(new SimpleGrantedAuthority(p.name())));
        roleCodes.forEach(code -> list.add(new SimpleGrantedAuthority("ROLE_" + code)));
        return list;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return user.username();
    }

    public Via via() {
        return via;
    }
}
