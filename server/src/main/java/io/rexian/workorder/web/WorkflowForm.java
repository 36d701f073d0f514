package io.rexian.workorder.web;

import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import io.rexian.workorder.WorkflowAction;
import io.rexian.workorder.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflow editor's rows, bound from indexed request parameters ({@code states[0].code}).
 * It only translates between rows and {@link WorkflowDefinition}; validation stays in the
 * definition so the form and the JSON path refuse exactly the same things.
 */
public class WorkflowForm {

    private List<StateRow> states = new ArrayList<>();
    private List<TransitionRow> transitions = new ArrayList<>();
    /** Index of the initial state's row: its code may have been edited on the same form. */
    private Integer initialRow;

    static WorkflowForm of(WorkflowDefinition definition) {
        WorkflowForm form = new WorkflowForm();
        for (WorkflowDefinition.State s : definition.states()) {
            StateRow row = new StateRow();
            row.setCode(s.code());
            row.setTerminal(s.terminal());
            if (s.code().equals(definition.initialState())) {
                form.initialRow = form.states.size();
            }
            form.states.add(row);
        }
        for (WorkflowDefinition.Transition t : definition.transitions()) {
            TransitionRow row = new TransitionRow();
            row.setAction(t.action());
            row.setFrom(new ArrayList<>(t.from()));
            row.setTo(t.to());
            row.setPermission(t.permission());
            row.setRequired(new ArrayList<>(t.required()));
            form.transitions.add(row);
        }
        return form;
    }

    /**
     * Rows left entirely empty (added and never filled, or gaps after removals) are ignored.
     *
     * @throws DomainException INVALID when no row with a code is marked initial (the JSON path has no such radio)
     */
    WorkflowDefinition toDefinition() {
        String initial = initialRow != null && initialRow >= 0 && initialRow < states.size() && states.get(initialRow) != null
                ? trim(states.get(initialRow).getCode()) : null;
        if (initial == null) {
            throw DomainException.invalid("workorder.admin.chooseInitial");
        }
        List<WorkflowDefinition.State> stateList = states.stream()
                .filter(s -> s != null && !s.isEmpty())
                .map(s -> new WorkflowDefinition.State(trim(s.getCode()), s.isTerminal()))
                .toList();
        List<WorkflowDefinition.Transition> transitionList = transitions.stream()
                .filter(t -> t != null && !t.isEmpty())
                .map(t -> new WorkflowDefinition.Transition(t.getAction(), t.getFrom().stream().map(WorkflowForm::trim).toList(),
                        trim(t.getTo()), t.getPermission(), t.getRequired()))
                .toList();
        return new WorkflowDefinition(initial, stateList, transitionList);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public List<StateRow> getStates() {
        return states;
    }

    public void setStates(List<StateRow> states) {
        this.states = states;
    }

    public List<TransitionRow> getTransitions() {
        return transitions;
    }

    public void setTransitions(List<TransitionRow> transitions) {
        this.transitions = transitions;
    }

    public Integer getInitialRow() {
        return initialRow;
    }

    public void setInitialRow(Integer initialRow) {
        this.initialRow = initialRow;
    }

    /** Every code used by a row, for the state selects of the transitions. */
    public List<String> getCodes() {
        List<String> codes = new ArrayList<>();
        for (StateRow s : states) {
            if (s != null && s.getCode() != null && !s.getCode().isBlank() && !codes.contains(s.getCode().trim())) {
                codes.add(s.getCode().trim());
            }
        }
        return codes;
    }

    /** The codes plus states a transition names that no row defines, so the admin sees what the error names. */
    public List<String> codesAnd(List<String> chosen) {
        List<String> options = getCodes();
        for (String c : chosen) {
            if (c != null && !c.isBlank() && !options.contains(c.trim())) {
                options.add(c.trim());
            }
        }
        return options;
    }

    public List<String> codesAnd(String chosen) {
        return codesAnd(chosen == null ? List.of() : List.of(chosen));
    }

    /** Permissions the transitions use, so a definition saved as JSON with another permission keeps it in the select. */
    List<Permission> permissionsUsed() {
        return transitions.stream().filter(t -> t != null && t.getPermission() != null).map(TransitionRow::getPermission).toList();
    }

    public static class StateRow {
        private String code;
        private boolean terminal;

        boolean isEmpty() {
            return (code == null || code.isBlank()) && !terminal;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public boolean isTerminal() {
            return terminal;
        }

        public void setTerminal(boolean terminal) {
            this.terminal = terminal;
        }
    }

    public static class TransitionRow {
        private WorkflowAction action;
        private List<String> from = new ArrayList<>();
        private String to;
        private Permission permission;
        private List<String> required = new ArrayList<>();

        boolean isEmpty() {
            return action == null && from.isEmpty() && (to == null || to.isBlank());
        }

        public WorkflowAction getAction() {
            return action;
        }

        public void setAction(WorkflowAction action) {
            this.action = action;
        }

        public List<String> getFrom() {
            return from;
        }

        public void setFrom(List<String> from) {
            this.from = from == null ? new ArrayList<>() : from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }

        public Permission getPermission() {
            return permission;
        }

        public void setPermission(Permission permission) {
            this.permission = permission;
        }

        public List<String> getRequired() {
            return required;
        }

        public void setRequired(List<String> required) {
            this.required = required == null ? new ArrayList<>() : required;
        }
    }
}
