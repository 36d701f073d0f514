package io.rexian.identity.account;

import io.rexian.identity.Permission;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserAccounts extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(?1)")
    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findByTeamIdOrderByDisplayName(Long teamId);

    @Query("select distinct u from UserAccount u join u.roles r join r.permissions p where p = ?1 order by u.displayName")
    List<UserAccount> findWithPermission(Permission permission);

    Optional<UserAccount> findBySipExtension(String sipExtension);

    @Query("select count(u) > 0 from UserAccount u join u.roles r where r.id = ?1")
    boolean existsWithRole(Long roleId);
}
