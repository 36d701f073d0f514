package io.rexian.identity;

import java.util.List;
import java.util.Optional;

/** Read access to users for other modules. */
public interface Users {

    Optional<UserView> find(long userId);

    Optional<UserView> findByUsername(String username);

    List<UserView> ofTeam(long teamId);

    /** Users holding a permission, e.g. to escalate to every manager. */
    List<UserView> withPermission(Permission permission);
}
