package io.rexian.workorder;

/** The verbs a work order understands; a workflow definition says when each one is allowed. */
public enum WorkflowAction {
    TRANSFER, ACCEPT, RETRANSFER, PROGRESS, REPLY, ANSWER, REOPEN
}
