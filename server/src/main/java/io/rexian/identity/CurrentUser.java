package io.rexian.identity;

import io.rexian.platform.DomainException;
import java.util.Set;

/**
 * The signed-in user as other modules see it. Web controllers declare a parameter of this
 * type (identity resolves it from the security context for form login, bearer tokens and
 * API keys alike); services receive it as an argument so that row checks happen on the
 * server for every action.
 *
 * @param id          user id
 * @param username    login name
 * @param displayName name shown to people
 * @param teamId      the user's team, null when he belongs to none
 * @param permissions what he may do
 */
public record CurrentUser(long id, String username, String displayName, Long teamId,
                          Set<Permission> permissions) {

    public CurrentUser {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** @throws DomainException FORBIDDEN with key {@code error.forbidden} when the permission is missing */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw DomainException.forbidden("error.forbidden", permission.name());
        }
    }

    public boolean inTeam(Long otherTeamId) {
        return teamId != null && teamId.equals(otherTeamId);
    }
}
