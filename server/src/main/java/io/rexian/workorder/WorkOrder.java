package io.rexian.workorder;

import io.rexian.identity.CurrentUser;
import io.rexian.platform.DomainException;
import io.rexian.workorder.WorkflowDefinition.Transition;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A work order (工单). Owns its state: every action checks the work order's own workflow
 * version (transition, permission, required fields) and, for the handling team's actions,
 * that the user belongs to the team the work order is with; it either succeeds and writes a
 * history entry or throws a {@link DomainException}. Optimistic locking guards concurrent edits.
 */
@Entity
@Table(name = "work_order")
@org.hibernate.annotations.DynamicUpdate
public class WorkOrder extends AbstractAggregateRoot<WorkOrder> {

    /** Actions only the team currently holding the work order may take. */
    private static final Set<WorkflowAction> TEAM_ACTIONS =
            EnumSet.of(WorkflowAction.ACCEPT, WorkflowAction.RETRANSFER, WorkflowAction.PROGRESS, WorkflowAction.REPLY);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String number;

    @Column(name = "type_code", nullable = false)
    private String typeCode;

    @Column(name = "workflow_id", nullable = false)
    private long workflowId;

    @Column(nullable = false)
    private String state;

    @Column(nullable = false)
    private String priority;

    @Column(nullable = false)
    private String channel;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "customer_name")
    private String customerName;

    @Column(name = "customer_class")
    private String customerClass;

    @Column(name = "contact_phone", nullable = false)
    private String contactPhone;

    private String address;

    @Column(name = "category_id")
    private Long categoryId;

    @Column(nullable = false)
    private String description;

    @Column(name = "call_ref")
    private String callRef;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "incident_id")
    private Long incidentId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", nullable = false)
    private Map<String, Object> customFields = new HashMap<>();

    @Column(name = "final_answer")
    private String finalAnswer;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "on_site_at")
    private Instant onSiteAt;

    @Column(name = "replied_at")
    private Instant repliedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(nullable = false)
    private boolean overdue;

    @Column(name = "callback_status")
    private String callbackStatus;

    @Column(name = "callback_result")
    private String callbackResult;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_order_team", joinColumns = @JoinColumn(name = "work_order_id"))
    @Column(name = "team_id")
    private Set<Long> handledTeams = new HashSet<>();

    @OneToMany(mappedBy = "workOrder", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<HistoryEntry> history = new ArrayList<>();

    @OneToMany(mappedBy = "workOrder", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Deadline> deadlines = new ArrayList<>();

    protected WorkOrder() {
    }

    /** The moment an action happens: the workflow version of this work order, the clock reading and the deadline rules. */
    record Context(WorkflowDefinition workflow, Instant now, DeadlineSchedule schedule) {
    }

    /** What an agent types in when registering. */
    record Registration(String typeCode, String priority, String channel, Long customerId, String customerName,
                        String customerClass, String contactPhone, String address, Long categoryId,
                        String description, String callRef, Map<String, Object> customFields) {
    }

    static WorkOrder register(String number, long workflowId, Registration r, CurrentUser by, Context ctx) {
        WorkOrder w = new WorkOrder();
        w.number = number;
        w.workflowId = workflowId;
        w.typeCode = r.typeCode();
        w.state = ctx.workflow().initialState();
        w.priority = r.priority();
        w.channel = r.channel();
        w.customerId = r.customerId();
        w.customerName = r.customerName();
        w.customerClass = r.customerClass();
        w.contactPhone = r.contactPhone();
        w.address = r.address();
        w.categoryId = r.categoryId();
        w.description = r.description();
        w.callRef = r.callRef();
        w.customFields = new HashMap<>(r.customFields() == null ? Map.of() : r.customFields());
        w.receivedAt = ctx.now();
        w.createdBy = by.username();
        w.touch(by, ctx.now());
        w.record("CREATE", null, w.state, null, null, by, ctx.now(), null, null);
        w.startDeadline(DeadlinePhase.RESOLVE, ctx.now(), ctx);
        return w;
    }

    /** 转办: hands the work order to a repair team. */
    public void transferTo(long team, CurrentUser by, String reason, Context ctx) {
        Transition t = allowed(WorkflowAction.TRANSFER, by, ctx, Map.of("team", true, "note", filled(reason)));
        moveToTeam(t, WorkflowAction.TRANSFER, team, by, reason, ctx);
    }

    /** 二次转办: the holding team passes the work order on because it is not theirs. */
    public void retransfer(long team, CurrentUser by, String reason, Context ctx) {
        Transition t = allowed(WorkflowAction.RETRANSFER, by, ctx, Map.of("team", true, "note", filled(reason)));
        if (teamId != null && teamId == team) {
            throw DomainException.invalid("workorder.error.sameTeam");
        }
        moveToTeam(t, WorkflowAction.RETRANSFER, team, by, reason, ctx);
    }

    public void accept(CurrentUser by, Context ctx) {
        Transition t = allowed(WorkflowAction.ACCEPT, by, ctx, Map.of());
        acceptedAt = ctx.now();
        deadline(DeadlinePhase.ACCEPT).ifPresent(d -> d.meet(ctx.now()));
        startDeadline(DeadlinePhase.ON_SITE, ctx.now(), ctx);
        apply(t, by, ctx, null, null);
    }

    public void recordProgress(ProgressStep step, String note, boolean withAttachment, CurrentUser by, Context ctx) {
        Transition t = allowed(WorkflowAction.PROGRESS, by, ctx,
                Map.of("step", step != null, "note", filled(note), "attachment", withAttachment));
        if (step == ProgressStep.ON_SITE && onSiteAt == null) {
            onSiteAt = ctx.now();
            deadline(DeadlinePhase.ON_SITE).ifPresent(d -> d.meet(ctx.now()));
        }
        apply(t, by, ctx, note, step == null ? null : step.name());
    }

    public void reply(String note, CurrentUser by, Context ctx) {
        Transition t = allowed(WorkflowAction.REPLY, by, ctx, Map.of("note", filled(note)));
        repliedAt = ctx.now();
        deadlines.forEach(d -> d.meet(ctx.now()));
        apply(t, by, ctx, note, null);
    }

    /** 终结: the agent's final answer closes the work order. */
    public void answerAndClose(String answer, CurrentUser by, Context ctx) {
        Transition t = allowed(WorkflowAction.ANSWER, by, ctx, Map.of("note", filled(answer)));
        finalAnswer = answer;
        deadlines.forEach(d -> d.meet(ctx.now()));
        apply(t, by, ctx, answer, null);
        if (ctx.workflow().isTerminal(state)) {
            closedAt = ctx.now();
            waitingSince = null;
            if (id != null) { // seeded history is closed before its first save; the seeder plans callbacks itself
                registerEvent(new WorkOrderClosed(id, number, typeCode, ctx.now()));
            }
        }
    }

    public void reopen(String reason, CurrentUser by, Context ctx) {
        Transition t = allowed(WorkflowAction.REOPEN, by, ctx, Map.of("note", filled(reason)));
        closedAt = null;
        repliedAt = null;
        finalAnswer = null;
        teamId = null;
        apply(t, by, ctx, reason, null);
        startDeadline(DeadlinePhase.RESOLVE, ctx.now(), ctx);
    }

    /** Deadlines stop counting while the team waits on the resident (e.g. nobody home). */
    public void waitForResident(String note, CurrentUser by, Context ctx) {
        requireOpenAndVisibleTo(by);
        if (waitingSince != null) {
            throw DomainException.conflict("workorder.error.alreadyWaiting");
        }
        waitingSince = ctx.now();
        touch(by, ctx.now());
        record("WAIT", state, state, null, null, by, ctx.now(), note, null);
    }

    public void resume(CurrentUser by, Context ctx) {
        requireOpenAndVisibleTo(by);
        if (waitingSince == null) {
            throw DomainException.conflict("workorder.error.notWaiting");
        }
        Instant pausedAt = waitingSince;
        deadlines.forEach(d -> d.shift(ctx.schedule(), pausedAt, ctx.now()));
        waitingSince = null;
        touch(by, ctx.now());
        record("RESUME", state, state, null, null, by, ctx.now(), null, null);
    }

    /** 催办: recorded on the history; the caller notifies the team. */
    public void urge(String note, CurrentUser by, Instant now) {
        if (closedAt != null) {
            throw DomainException.conflict("workorder.error.closed");
        }
        touch(by, now);
        record("URGE", state, state, null, teamId, by, now, note, null);
    }

    void linkToIncident(Long incident, CurrentUser by, Instant now) {
        incidentId = incident;
        touch(by, now);
        record(incident == null ? "UNLINK" : "LINK", state, state, null, null, by, now, null,
                incident == null ? null : String.valueOf(incident));
    }

    void callbackDone(String result, String note, CurrentUser by, Instant now) {
        callbackStatus = "DONE";
        callbackResult = result;
        touch(by, now);
        record("CALLBACK", state, state, null, null, by, now, note, result);
    }

    void callbackPlanned() {
        callbackStatus = "PENDING";
    }

    /** Drops pending events, for seeding history that nobody needs to be told about. */
    void forgetEvents() {
        clearDomainEvents();
    }

    // --- rules ---

    private Transition allowed(WorkflowAction action, CurrentUser by, Context ctx, Map<String, Boolean> provided) {
        Transition t = ctx.workflow().transition(action, state).orElseThrow(() -> DomainException.conflict(
                "workorder.error.transition", label("workorder.action." + action), label("workorder.state." + state)));
        by.require(t.permission());
        if (TEAM_ACTIONS.contains(action) && !by.inTeam(teamId)) {
            throw DomainException.forbidden("workorder.error.notYourTeam", number);
        }
        for (String field : t.required()) {
            if (!provided.getOrDefault(field, false)) {
                throw DomainException.invalid("workorder.error.required", label("workorder.field." + field),
                        label("workorder.action." + action));
            }
        }
        return t;
    }

    private void requireOpenAndVisibleTo(CurrentUser by) {
        if (closedAt != null) {
            throw DomainException.conflict("workorder.error.closed");
        }
        if (!by.can(io.rexian.identity.Permission.WORKORDER_VIEW_ALL) && !by.inTeam(teamId)) {
            throw DomainException.forbidden("workorder.error.notYourTeam", number);
        }
    }

    private void moveToTeam(Transition t, WorkflowAction action, long team, CurrentUser by, String reason, Context ctx) {
        Long from = teamId;
        teamId = team;
        handledTeams.add(team);
        acceptedAt = null;
        startDeadline(DeadlinePhase.ACCEPT, ctx.now(), ctx);
        deadline(DeadlinePhase.ON_SITE).ifPresent(d -> d.meet(ctx.now()));
        String fromState = state;
        state = t.to();
        touch(by, ctx.now());
        record(action.name(), fromState, state, from, team, by, ctx.now(), reason, null);
        registerEvent(new WorkOrderTransferred(id == null ? 0 : id, number, from, team, by.username(), reason, ctx.now()));
    }

    private void apply(Transition t, CurrentUser by, Context ctx, String note, String detail) {
        String from = state;
        state = t.to();
        touch(by, ctx.now());
        record(t.action().name(), from, state, null, null, by, ctx.now(), note, detail);
    }

    private void startDeadline(DeadlinePhase phase, Instant start, Context ctx) {
        ctx.schedule().due(typeCode, priority, phase, start).ifPresent(due -> {
            Deadline d = deadline(phase).orElseGet(() -> {
                Deadline created = new Deadline(this, phase);
                deadlines.add(created);
                return created;
            });
            d.restart(due);
        });
        if (phase == DeadlinePhase.RESOLVE) {
            overdue = false;
        }
    }

    private Optional<Deadline> deadline(DeadlinePhase phase) {
        return deadlines.stream().filter(d -> d.phase() == phase).findFirst();
    }

    private void touch(CurrentUser by, Instant now) {
        updatedAt = now;
        updatedBy = by.displayName();
    }

    private void record(String action, String from, String to, Long fromTeam, Long toTeam, CurrentUser by,
                        Instant at, String note, String detail) {
        record(action, from, to, fromTeam, toTeam, by, at, note, detail, by.displayName());
    }

    private void record(String action, String from, String to, Long fromTeam, Long toTeam, CurrentUser by,
                        Instant at, String note, String detail, String actor) {
        history.add(new HistoryEntry(this, nextSeq(), action, from, to, fromTeam, toTeam, actor, at,
                note, detail));
    }

    private int nextSeq() {
        return history.stream().mapToInt(HistoryEntry::seq).max().orElse(0) + 1;
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }

    private static DefaultMessageSourceResolvable label(String code) {
        return new DefaultMessageSourceResolvable(new String[] {code}, code.substring(code.lastIndexOf('.') + 1));
    }

    // --- read access ---

    public Long id() { return id; }
    public String number() { return number; }
    public String typeCode() { return typeCode; }
    public long workflowId() { return workflowId; }
    public String state() { return state; }
    public String priority() { return priority; }
    public String channel() { return channel; }
    public Long customerId() { return customerId; }
    public String customerName() { return customerName; }
    public String customerClass() { return customerClass; }
    public String contactPhone() { return contactPhone; }
    public String address() { return address; }
    public Long categoryId() { return categoryId; }
    public String description() { return description; }
    public String callRef() { return callRef; }
    public Long teamId() { return teamId; }
    public Long incidentId() { return incidentId; }
    public Map<String, Object> customFields() { return Collections.unmodifiableMap(customFields); }
    public String finalAnswer() { return finalAnswer; }
    public Instant receivedAt() { return receivedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant onSiteAt() { return onSiteAt; }
    public Instant repliedAt() { return repliedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant waitingSince() { return waitingSince; }
    public boolean overdue() { return overdue; }
    public String callbackStatus() { return callbackStatus; }
    public String callbackResult() { return callbackResult; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public long version() { return version; }
    public Set<Long> handledTeams() { return Set.copyOf(handledTeams); }
    List<HistoryEntry> history() { return List.copyOf(history); }
    List<Deadline> deadlines() { return List.copyOf(deadlines); }

    public boolean visibleTo(CurrentUser user) {
        return user.can(io.rexian.identity.Permission.WORKORDER_VIEW_ALL)
                || (user.teamId() != null && handledTeams.contains(user.teamId()));
    }
}
