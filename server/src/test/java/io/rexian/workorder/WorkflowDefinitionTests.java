package io.rexian.workorder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import io.rexian.workorder.WorkflowDefinition.State;
import io.rexian.workorder.WorkflowDefinition.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionTests {

    @Test
    void defaultWorkflowsAreValid() {
        assertThatCode(() -> DefaultWorkflows.dispatched().validate()).doesNotThrowAnyException();
        assertThatCode(() -> DefaultWorkflows.direct().validate()).doesNotThrowAnyException();
    }

    @Test
    void unreachableStateIsRefused() {
        WorkflowDefinition wf = new WorkflowDefinition("NEW", List.of(new State("NEW", false),
                new State("LIMBO", false), new State("DONE", true)),
                List.of(new Transition(WorkflowAction.ANSWER, List.of("NEW"), "DONE", Permission.WORKORDER_ANSWER, List.of())));
        assertRefused(wf, "workorder.workflow.unreachable");
    }

    @Test
    void workflowWithoutFinalStateIsRefused() {
        WorkflowDefinition wf = new WorkflowDefinition("NEW", List.of(new State("NEW", false), new State("OPEN", false)),
                List.of(new Transition(WorkflowAction.TRANSFER, List.of("NEW"), "OPEN", Permission.WORKORDER_TRANSFER, List.of())));
        assertRefused(wf, "workorder.workflow.noFinalState");
    }

    @Test
    void transitionToNowhereIsRefused() {
        WorkflowDefinition wf = new WorkflowDefinition("NEW", List.of(new State("NEW", false), new State("DONE", true)),
                List.of(new Transition(WorkflowAction.ANSWER, List.of("NEW"), "DONE", Permission.WORKORDER_ANSWER, List.of()),
                        new Transition(WorkflowAction.TRANSFER, List.of("NEW"), "ELSEWHERE", Permission.WORKORDER_TRANSFER, List.of())));
        assertRefused(wf, "workorder.workflow.unknownTarget");
    }

    @Test
    void unknownRequiredFieldIsRefused() {
        WorkflowDefinition wf = new WorkflowDefinition("NEW", List.of(new State("NEW", false), new State("DONE", true)),
                List.of(new Transition(WorkflowAction.ANSWER, List.of("NEW"), "DONE", Permission.WORKORDER_ANSWER, List.of("colour"))));
        assertRefused(wf, "workorder.workflow.unknownField");
    }

    private static void assertRefused(WorkflowDefinition wf, String key) {
        assertThatThrownBy(wf::validate).isInstanceOfSatisfying(DomainException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo(key));
    }
}
