package io.rexian.workorder;

import static io.rexian.identity.Permission.WORKORDER_ANSWER;
import static io.rexian.identity.Permission.WORKORDER_HANDLE;
import static io.rexian.identity.Permission.WORKORDER_REOPEN;
import static io.rexian.identity.Permission.WORKORDER_TRANSFER;

import io.rexian.workorder.WorkflowDefinition.State;
import io.rexian.workorder.WorkflowDefinition.Transition;
import java.util.List;

/** The workflows a fresh installation starts with; administrators edit them into new versions. */
public final class DefaultWorkflows {

    private DefaultWorkflows() {
    }

    /** Complaints, reports and repairs: transferred to a repair team, which replies. */
    public static WorkflowDefinition dispatched() {
        List<String> open = List.of("REGISTERED", "TRANSFERRED", "ACCEPTED", "IN_PROGRESS", "REPLIED");
        return new WorkflowDefinition("REGISTERED", List.of(
                new State("REGISTERED", false),
                new State("TRANSFERRED", false),
                new State("ACCEPTED", false),
                new State("IN_PROGRESS", false),
                new State("REPLIED", false),
                new State("CLOSED", true)),
                List.of(
                        new Transition(WorkflowAction.TRANSFER, List.of("REGISTERED", "REPLIED"), "TRANSFERRED",
                                WORKORDER_TRANSFER, List.of("team")),
                        new Transition(WorkflowAction.ACCEPT, List.of("TRANSFERRED"), "ACCEPTED",
                                WORKORDER_HANDLE, List.of()),
                        new Transition(WorkflowAction.RETRANSFER, List.of("TRANSFERRED", "ACCEPTED"), "TRANSFERRED",
                                WORKORDER_HANDLE, List.of("team", "note")),
                        new Transition(WorkflowAction.PROGRESS, List.of("ACCEPTED", "IN_PROGRESS"), "IN_PROGRESS",
                                WORKORDER_HANDLE, List.of("step")),
                        new Transition(WorkflowAction.REPLY, List.of("ACCEPTED", "IN_PROGRESS"), "REPLIED",
                                WORKORDER_HANDLE, List.of("note")),
                        new Transition(WorkflowAction.ANSWER, open, "CLOSED", WORKORDER_ANSWER, List.of("note")),
                        new Transition(WorkflowAction.REOPEN, List.of("CLOSED"), "REGISTERED",
                                WORKORDER_REOPEN, List.of("note"))));
    }

    /** Consultations and suggestions: the agent answers and closes directly. */
    public static WorkflowDefinition direct() {
        return new WorkflowDefinition("REGISTERED", List.of(
                new State("REGISTERED", false),
                new State("CLOSED", true)),
                List.of(
                        new Transition(WorkflowAction.ANSWER, List.of("REGISTERED"), "CLOSED",
                                WORKORDER_ANSWER, List.of("note")),
                        new Transition(WorkflowAction.REOPEN, List.of("CLOSED"), "REGISTERED",
                                WORKORDER_REOPEN, List.of("note"))));
    }
}
