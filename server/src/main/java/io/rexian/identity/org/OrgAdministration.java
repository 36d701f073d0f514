package io.rexian.identity.org;

import io.rexian.identity.AuditLog;
import io.rexian.identity.TeamView.TeamKind;
import io.rexian.identity.Users;
import io.rexian.platform.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the organisation tree. Callers check USER_ADMIN; every write is audited. */
@Service
@Transactional
public class OrgAdministration {

    static final String ENTITY = "org_unit";

    private final OrgUnits units;
    private final Users users;
    private final AuditLog audit;

    OrgAdministration(OrgUnits units, Users users, AuditLog audit) {
        this.units = units;
        this.users = users;
        this.audit = audit;
    }

    public OrgUnit createCompany(String name) {
        return created(OrgUnit.company(requireName(name)));
    }

    public OrgUnit createDepartment(long parentId, String name) {
        requireContainer(parentId);
        return created(OrgUnit.department(parentId, requireName(name)));
    }

    public OrgUnit createTeam(long parentId, String name, TeamKind kind) {
        requireContainer(parentId);
        return created(OrgUnit.team(parentId, requireName(name), kind));
    }

    public void rename(long unitId, String name) {
        OrgUnit unit = load(unitId);
        String before = unit.name();
        unit.rename(requireName(name));
        checkUniqueAmongSiblings(unit.parentId(), unit.name(), unit.id());
        audit.record(ENTITY, unit.id().toString(), "rename", Map.of("name", List.of(before, unit.name())));
    }

    public void move(long unitId, long newParentId) {
        OrgUnit unit = load(unitId);
        requireContainer(newParentId);
        for (Long p = newParentId; p != null; p = load(p).parentId()) {
            if (p == unitId) {
                throw DomainException.invalid("identity.org.cycle");
            }
        }
        Long before = unit.parentId();
        unit.moveTo(newParentId);
        checkUniqueAmongSiblings(newParentId, unit.name(), unit.id());
        audit.record(ENTITY, unit.id().toString(), "move", Map.of("parentId", List.of(String.valueOf(before), newParentId)));
    }

    /** Sets kind, responsible person (null: none) and service districts of a team. */
    public void configureTeam(long teamId, TeamKind kind, Long responsibleUserId, List<String> districts) {
        OrgUnit team = load(teamId);
        if (responsibleUserId != null && users.find(responsibleUserId).isEmpty()) {
            throw DomainException.invalid("identity.user.notFound", responsibleUserId);
        }
        Map<String, Object> before = describe(team);
        team.changeKind(kind == null ? TeamKind.OTHER : kind);
        team.makeResponsible(responsibleUserId);
        team.serveDistricts(districts == null ? List.of() : districts);
        Map<String, Object> changes = new LinkedHashMap<>();
        describe(team).forEach((k, v) -> {
            if (!String.valueOf(before.get(k)).equals(String.valueOf(v))) {
                changes.put(k, List.of(String.valueOf(before.get(k)), String.valueOf(v)));
            }
        });
        audit.record(ENTITY, team.id().toString(), "configure", changes);
    }

    public void delete(long unitId) {
        OrgUnit unit = load(unitId);
        if (units.existsByParentId(unitId) || (unit.isTeam() && !users.ofTeam(unitId).isEmpty())) {
            throw DomainException.conflict("identity.org.notEmpty", unit.name());
        }
        units.delete(unit);
        audit.record(ENTITY, unit.id().toString(), "delete", Map.of("name", unit.name()));
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> all() {
        return units.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public Optional<OrgUnit> find(long id) {
        return units.findById(id);
    }

    public OrgUnit load(long unitId) {
        return units.findById(unitId).orElseThrow(() -> DomainException.notFound("identity.org.notFound", unitId));
    }

    private OrgUnit created(OrgUnit unit) {
        checkUniqueAmongSiblings(unit.parentId(), unit.name(), null);
        units.saveAndFlush(unit);
        audit.record(ENTITY, unit.id().toString(), "create", describe(unit));
        return unit;
    }

    private void requireContainer(long parentId) {
        if (load(parentId).isTeam()) {
            throw DomainException.invalid("identity.org.teamCannotContain");
        }
    }

    private void checkUniqueAmongSiblings(Long parentId, String name, Long self) {
        units.findByParentIdAndName(parentId, name).filter(u -> !u.id().equals(self)).ifPresent(u -> {
            throw DomainException.conflict("identity.org.nameTaken", name);
        });
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw DomainException.invalid("identity.org.nameRequired");
        }
        return name.trim();
    }

    private static Map<String, Object> describe(OrgUnit unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", unit.name());
        m.put("type", unit.type().name());
        m.put("parentId", unit.parentId());
        m.put("teamKind", unit.teamKind() == null ? null : unit.teamKind().name());
        m.put("responsibleUserId", unit.responsibleUserId());
        m.put("serviceDistricts", new ArrayList<>(unit.serviceDistricts()));
        return m;
    }
}
