package io.rexian.identity.account;

import io.rexian.identity.Permission;
import io.rexian.identity.UserView;
import io.rexian.identity.Users;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class JpaUsers implements Users {

    private final UserAccounts accounts;

    JpaUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<UserView> find(long userId) {
        return accounts.findById(userId).map(UserAccount::view);
    }

    @Override
    public Optional<UserView> findByUsername(String username) {
        return accounts.findByUsername(username).map(UserAccount::view);
    }

    @Override
    public List<UserView> ofTeam(long teamId) {
        return accounts.findByTeamIdOrderByDisplayName(teamId).stream().map(UserAccount::view).toList();
    }

    @Override
    public List<UserView> withPermission(Permission permission) {
        return accounts.findWithPermission(permission).stream().map(UserAccount::view).toList();
    }
}
