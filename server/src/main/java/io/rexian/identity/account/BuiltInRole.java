package io.rexian.identity.account;

import static io.rexian.identity.Permission.*;

import io.rexian.identity.Permission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The roles every installation starts with and their default permissions (documented in
 * docs/ROLES.md). An administrator may change the permissions; the rows cannot be deleted.
 */
public enum BuiltInRole {
    AGENT("坐席", EnumSet.of(CUSTOMER_VIEW, CUSTOMER_VIEW_ALL, CUSTOMER_EDIT, WORKORDER_VIEW,
            WORKORDER_VIEW_ALL, WORKORDER_CREATE, WORKORDER_TRANSFER, WORKORDER_ANSWER, WORKORDER_URGE,
            WORKORDER_CALLBACK, CALL_HANDLE)),
    TEAM_LEADER("班长", EnumSet.of(CUSTOMER_VIEW, CUSTOMER_VIEW_ALL, CUSTOMER_EDIT, CUSTOMER_EXPORT,
            WORKORDER_VIEW, WORKORDER_VIEW_ALL, WORKORDER_CREATE, WORKORDER_TRANSFER, WORKORDER_ANSWER,
            WORKORDER_URGE, WORKORDER_CALLBACK, WORKORDER_REOPEN, WORKORDER_INCIDENT, WORKORDER_STATS,
            CALL_HANDLE, CALL_SUPERVISE, CALL_QA, REPORT_VIEW)),
    QA("质检", EnumSet.of(CUSTOMER_VIEW, CUSTOMER_VIEW_ALL, WORKORDER_VIEW, WORKORDER_VIEW_ALL, CALL_QA)),
    REPAIR_LEAD("维修负责人", EnumSet.of(CUSTOMER_VIEW, WORKORDER_VIEW, WORKORDER_HANDLE, WORKORDER_STATS)),
    FIELD_WORKER("维修人员", EnumSet.of(CUSTOMER_VIEW, WORKORDER_VIEW, WORKORDER_HANDLE)),
    MANAGER("领导", EnumSet.of(CUSTOMER_VIEW, CUSTOMER_VIEW_ALL, WORKORDER_VIEW, WORKORDER_VIEW_ALL,
            WORKORDER_STATS, REPORT_VIEW, AUDIT_VIEW)),
    ADMIN("管理员", EnumSet.allOf(Permission.class));

    private final String defaultName;
    private final Set<Permission> defaultPermissions;

    BuiltInRole(String defaultName, Set<Permission> defaultPermissions) {
        this.defaultName = defaultName;
        this.defaultPermissions = defaultPermissions;
    }

    public String defaultName() {
        return defaultName;
    }

    public Set<Permission> defaultPermissions() {
        return EnumSet.copyOf(defaultPermissions);
    }
}
