package io.rexian.identity.org;

import io.rexian.identity.TeamView.TeamKind;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnits extends JpaRepository<OrgUnit, Long> {

    List<OrgUnit> findByTypeOrderByName(OrgUnit.Type type);

    List<OrgUnit> findByTypeAndTeamKindOrderByName(OrgUnit.Type type, TeamKind kind);

    Optional<OrgUnit> findByParentIdAndName(Long parentId, String name);

    Optional<OrgUnit> findFirstByTypeAndName(OrgUnit.Type type, String name);

    List<OrgUnit> findAllByOrderByName();

    boolean existsByParentId(Long parentId);
}
