/**
 * Work orders (工单): registration, configurable versioned workflows, transfer to repair
 * teams, deadlines on a business calendar with reminders and escalation, incidents,
 * callback visits, search and statistics. Other modules use {@link io.rexian.workorder.WorkOrderLifecycle},
 * {@link io.rexian.workorder.WorkOrderSearch} and the events {@link io.rexian.workorder.WorkOrderTransferred}
 * and {@link io.rexian.workorder.WorkOrderClosed}.
 */
package io.rexian.workorder;
