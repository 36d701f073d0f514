package io.rexian.identity.org;

import io.rexian.identity.TeamView.TeamKind;
import io.rexian.platform.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** A node of the organisation tree: the company, a department or branch, or a team. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    public enum Type { COMPANY, DEPARTMENT, TEAM }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parent_id")
    private Long parentId;

    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type")
    private Type type;

    @Enumerated(EnumType.STRING)
    @Column(name = "team_kind")
    private TeamKind teamKind;

    @Column(name = "responsible_user_id")
    private Long responsibleUserId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "org_unit_district", joinColumns = @JoinColumn(name = "org_unit_id"))
    @OrderColumn(name = "position")
    @Column(name = "district")
    private List<String> serviceDistricts = new ArrayList<>();

    @Version
    private long version;

    protected OrgUnit() {
    }

    private OrgUnit(Long parentId, String name, Type type, TeamKind teamKind) {
        this.parentId = parentId;
        this.name = name;
        this.type = type;
        this.teamKind = teamKind;
    }

    public static OrgUnit company(String name) {
        return new OrgUnit(null, name, Type.COMPANY, null);
    }

    public static OrgUnit department(Long parentId, String name) {
        return new OrgUnit(requireParent(parentId), name, Type.DEPARTMENT, null);
    }

    public static OrgUnit team(Long parentId, String name, TeamKind kind) {
        return new OrgUnit(requireParent(parentId), name, Type.TEAM, kind == null ? TeamKind.OTHER : kind);
    }

    private static Long requireParent(Long parentId) {
        if (parentId == null) {
            throw DomainException.invalid("identity.org.parentRequired");
        }
        return parentId;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    /** Moves under another unit; the caller has checked that it is not a descendant. */
    public void moveTo(Long newParentId) {
        if (type == Type.COMPANY) {
            throw DomainException.invalid("identity.org.companyCannotMove");
        }
        if (id != null && id.equals(newParentId)) {
            throw DomainException.invalid("identity.org.cycle");
        }
        this.parentId = requireParent(newParentId);
    }

    public void changeKind(TeamKind kind) {
        requireTeam();
        this.teamKind = kind;
    }

    public void makeResponsible(Long userId) {
        requireTeam();
        this.responsibleUserId = userId;
    }

    /** Replaces the districts; blanks and duplicates are dropped, order kept. */
    public void serveDistricts(Collection<String> districts) {
        requireTeam();
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String d : districts) {
            if (d != null && !d.isBlank()) {
                clean.add(d.trim());
            }
        }
        serviceDistricts.clear();
        serviceDistricts.addAll(clean);
    }

    private void requireTeam() {
        if (type != Type.TEAM) {
            throw DomainException.invalid("identity.org.notATeam", name);
        }
    }

    public boolean isTeam() {
        return type == Type.TEAM;
    }

    public Long id() { return id; }
    public Long parentId() { return parentId; }
    public String name() { return name; }
    public Type type() { return type; }
    public TeamKind teamKind() { return teamKind; }
    public Long responsibleUserId() { return responsibleUserId; }
    public List<String> serviceDistricts() { return List.copyOf(serviceDistricts); }
    public long version() { return version; }
}
