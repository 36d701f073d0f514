package io.rexian.identity;

/**
 * What a user may do. Roles are named sets of permissions an administrator edits; code
 * checks permissions, never role names. The granted authority string is {@link #name()}.
 */
public enum Permission {
    // customers
    CUSTOMER_VIEW,
    /** see customers outside one's own team's service area */
    CUSTOMER_VIEW_ALL,
    /** see ID numbers unmasked */
    CUSTOMER_VIEW_ID_NUMBER,
    CUSTOMER_EDIT,
    CUSTOMER_DELETE,
    CUSTOMER_IMPORT,
    CUSTOMER_EXPORT,
    BILLING_IMPORT,
    // work orders
    WORKORDER_VIEW,
    /** see work orders of every team, not only one's own */
    WORKORDER_VIEW_ALL,
    WORKORDER_CREATE,
    WORKORDER_TRANSFER,
    /** accept, re-transfer, record progress and reply as the responsible team */
    WORKORDER_HANDLE,
    /** write the final answer and close */
    WORKORDER_ANSWER,
    WORKORDER_REOPEN,
    WORKORDER_URGE,
    WORKORDER_CALLBACK,
    WORKORDER_INCIDENT,
    WORKORDER_STATS,
    /** workflow definitions, categories, custom fields, deadline rules, calendars */
    WORKORDER_CONFIGURE,
    // call center
    CALL_HANDLE,
    CALL_SUPERVISE,
    CALL_QA,
    CALLCENTER_CONFIGURE,
    // reports and administration
    REPORT_VIEW,
    USER_ADMIN,
    AUDIT_VIEW
}
