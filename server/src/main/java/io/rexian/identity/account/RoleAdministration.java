package io.rexian.identity.account;

import io.rexian.identity.AuditLog;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Roles and their permissions; the built-in roles are created at start-up if missing. */
@Service
@Transactional
public class RoleAdministration {

    static final String ENTITY = "role";
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    private final Roles roles;
    private final UserAccounts accounts;
    private final AuditLog audit;

    RoleAdministration(Roles roles, UserAccounts accounts, AuditLog audit) {
        this.roles = roles;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Creates missing built-in roles; the administrator role always holds every permission. */
    public void ensureBuiltInRoles() {
        for (BuiltInRole builtIn : BuiltInRole.values()) {
            Role role = roles.findByCode(builtIn.name()).orElse(null);
            if (role == null) {
                role = roles.save(new Role(builtIn.name(), builtIn.defaultName(), true, builtIn.defaultPermissions()));
                audit.record(ENTITY, role.id().toString(), "create", Map.of("code", role.code(),
                        "permissions", sorted(role.permissions())));
            } else if (builtIn == BuiltInRole.ADMIN && !role.permissions().containsAll(builtIn.defaultPermissions())) {
                role.grantExactly(builtIn.defaultPermissions());
                audit.record(ENTITY, role.id().toString(), "update", Map.of("permissions", sorted(role.permissions())));
            }
        }
    }

    public List<Role> all() {
        return roles.findAllByOrderByBuiltInDescIdAsc();
    }

    public Role create(String code, String name, Set<Permission> permissions) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw DomainException.invalid("identity.role.codeInvalid");
        }
        if (roles.findByCode(code).isPresent()) {
            throw DomainException.conflict("identity.role.codeTaken", code);
        }
        Role role = roles.save(new Role(code, requireName(name), false, permissions));
        audit.record(ENTITY, role.id().toString(), "create",
                Map.of("code", code, "name", role.name(), "permissions", sorted(permissions)));
        return role;
    }

    public Role update(long roleId, String name, Set<Permission> permissions) {
        Role role = load(roleId);
        if (BuiltInRole.ADMIN.name().equals(role.code()) && !permissions.containsAll(BuiltInRole.ADMIN.defaultPermissions())) {
            // Otherwise an administrator could lock everybody out of administration.
            throw DomainException.invalid("identity.role.adminKeepsAll");
        }
        String before = sorted(role.permissions());
        role.rename(requireName(name));
        role.grantExactly(permissions);
        audit.record(ENTITY, role.id().toString(), "update",
                Map.of("name", role.name(), "permissions", List.of(before, sorted(permissions))));
        return role;
    }

    public void delete(long roleId) {
        Role role = load(roleId);
        role.checkDeletable();
        if (accounts.existsWithRole(role.id())) {
            throw DomainException.conflict("identity.role.inUse", role.name());
        }
        roles.delete(role);
        audit.record(ENTITY, role.id().toString(), "delete", Map.of("code", role.code()));
    }

    public Role load(long roleId) {
        return roles.findById(roleId).orElseThrow(() -> DomainException.notFound("identity.role.notFound", roleId));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("identity.role.nameRequired");
        }
        return name.trim();
    }

    private static String sorted(Set<Permission> permissions) {
        Set<String> names = new TreeSet<>();
        permissions.forEach(p -> names.add(p.name()));
        return String.join(",", names);
    }
}
