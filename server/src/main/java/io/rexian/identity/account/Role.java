package io.rexian.identity.account;

import io.rexian.identity.Permission;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A named set of permissions. Built-in roles may be edited but never deleted. */
@Entity
@Table(name = "identity_role")
public class Role {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Column(name = "built_in")
    private boolean builtIn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "identity_role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission")
    @Enumerated(EnumType.STRING)
    private Set<Permission> permissions = new HashSet<>();

    @Version
    private long version;

    protected Role() {
    }

    public Role(String code, String name, boolean builtIn, Collection<Permission> permissions) {
        this.code = code;
        this.name = name;
        this.builtIn = builtIn;
        this.permissions = new HashSet<>(permissions);
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void grantExactly(Collection<Permission> granted) {
        permissions.clear();
        permissions.addAll(granted);
    }

    /** @throws DomainException CONFLICT for built-in roles */
    public void checkDeletable() {
        if (builtIn) {
            throw DomainException.conflict("identity.role.builtInNotDeletable", code);
        }
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean builtIn() {
        return builtIn;
    }

    public Set<Permission> permissions() {
        return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    public long version() {
        return version;
    }
}
