package io.rexian.workorder;

import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TeamView;
import io.rexian.identity.Teams;
import io.rexian.platform.DomainException;
import io.rexian.platform.PlatformSettings;
import io.rexian.workorder.WorkOrderCommands.Register;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every action on a work order: loads it, checks the user may see it, checks the version the
 * user saw, lets the aggregate apply the action under its workflow, audits and saves in one
 * transaction. A concurrent change answers CONFLICT naming who changed it and when.
 */
@Service
public class WorkOrderLifecycle {

    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final WorkOrders workOrders;
    private final Workflows workflows;
    private final WorkOrderTypes types;
    private final DeadlineSchedule schedule;
    private final Teams teams;
    private final AuditLog audit;
    private final Clock clock;
    private final PlatformSettings platform;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Attachments attachments;
    private final Escalations escalations;
    private final WorkOrderViews views;

    WorkOrderLifecycle(WorkOrders workOrders, Workflows workflows, WorkOrderTypes types, DeadlineSchedule schedule,
                       Teams teams, AuditLog audit, Clock clock, PlatformSettings platform, JdbcClient jdbc,
                       TransactionTemplate tx, Attachments attachments, Escalations escalations,
                       WorkOrderViews views) {
        this.attachments = attachments;
        this.escalations = escalations;
        this.views = views;
        this.workOrders = workOrders;
        this.workflows = workflows;
        this.types = types;
        this.schedule = schedule;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
        this.platform = platform;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public WorkOrderView register(Register r, CurrentUser by) {
        return register(r, List.of(), by);
    }

    /** Registers with photos or documents the caller sent along (type and size limited). */
    public WorkOrderView register(Register r, List<Attachments.Upload> files, CurrentUser by) {
        by.require(Permission.WORKORDER_CREATE);
        checkRegistration(r);
        Map<String, Object> custom = types.validateCustomFields(r.typeCode(), r.customFields());
        if (r.categoryId() != null && types.category(r.categoryId()).isEmpty()) {
            throw DomainException.invalid("workorder.error.unknownCategory", r.categoryId());
        }
        long id = inTransaction(() -> {
            Workflows.Version version = workflows.current(r.typeCode());
            WorkOrder.Context ctx = context(version.id());
            long seq = jdbc.sql("select nextval('work_order_number_seq')").query(Long.class).single();
            String number = "WO" + ctx.now().atZone(platform.timeZone()).format(NUMBER_DAY) + String.format("%06d", seq % 1_000_000);
            WorkOrder w = WorkOrder.register(number, version.id(), new WorkOrder.Registration(r.typeCode(),
                    r.priority(), r.channel(), r.customerId(), r.customerName(), r.customerClass(), r.contactPhone(),
                    r.address(), r.categoryId(), r.description(), r.callRef(), custom), by, ctx);
            if (r.transferToTeam() != null) {
                w.transferTo(requireRepairTeam(r.transferToTeam()).id(), by, r.transferReason(), ctx);
            }
            w = workOrders.saveAndFlush(w);
            attachments.store(w, files, 1, by);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("number", number);
            changes.put("type", r.typeCode());
            changes.put("state", w.state());
            if (w.teamId() != null) {
                changes.put("team", w.teamId());
            }
            audit.record("work_order", String.valueOf(w.id()), "create", changes);
            return w.id();
        });
        return view(id, by);
    }

    public WorkOrderView transfer(long id, Long version, long teamId, String reason, CurrentUser by) {
        TeamView team = requireRepairTeam(teamId);
        return act(id, version, by, "transfer", Map.of("team", team.id(), "reason", String.valueOf(reason)),
                (w, ctx) -> w.transferTo(team.id(), by, reason, ctx));
    }

    public WorkOrderView retransfer(long id, Long version, long teamId, String reason, CurrentUser by) {
        TeamView team = requireRepairTeam(teamId);
        return act(id, version, by, "retransfer", Map.of("team", team.id(), "reason", String.valueOf(reason)),
                (w, ctx) -> w.retransfer(team.id(), by, reason, ctx));
    }

    public WorkOrderView accept(long id, Long version, CurrentUser by) {
        return act(id, version, by, "accept", Map.of(), (w, ctx) -> w.accept(by, ctx));
    }

    public WorkOrderView progress(long id, Long version, ProgressStep step, String note, List<Attachments.Upload> photos,
                                  CurrentUser by) {
        return act(id, version, by, "progress", Map.of("step", String.valueOf(step)), (w, ctx) -> {
            w.recordProgress(step, note, photos != null && !photos.isEmpty(), by, ctx);
            attachments.store(w, photos, w.history().size(), by);
        });
    }

    public WorkOrderView reply(long id, Long version, String note, CurrentUser by) {
        return act(id, version, by, "reply", Map.of(), (w, ctx) -> {
            w.reply(note, by, ctx);
            escalations.replied(w);
        });
    }

    public WorkOrderView answerAndClose(long id, Long version, String answer, CurrentUser by) {
        return act(id, version, by, "answer", Map.of(), (w, ctx) -> w.answerAndClose(answer, by, ctx));
    }

    public WorkOrderView reopen(long id, Long version, String reason, CurrentUser by) {
        return act(id, version, by, "reopen", Map.of("reason", String.valueOf(reason)), (w, ctx) -> w.reopen(reason, by, ctx));
    }

    public WorkOrderView waitForResident(long id, Long version, String note, CurrentUser by) {
        return act(id, version, by, "wait", Map.of(), (w, ctx) -> w.waitForResident(note, by, ctx));
    }

    public WorkOrderView resume(long id, Long version, CurrentUser by) {
        return act(id, version, by, "resume", Map.of(), (w, ctx) -> w.resume(by, ctx));
    }

    /** 催办 by hand: recorded on the work order and sent to the holding team's responsible person. */
    public WorkOrderView urge(long id, Long version, String note, CurrentUser by) {
        by.require(Permission.WORKORDER_URGE);
        return act(id, version, by, "urge", Map.of(), (w, ctx) -> {
            w.urge(note, by, ctx.now());
            escalations.urged(w, by);
        });
    }

    public WorkOrderView view(long id, CurrentUser by) {
        by.require(Permission.WORKORDER_VIEW);
        return inTransaction(() -> views.of(load(id, by), by));
    }

    /** An attachment's file, after checking the user may see its work order. */
    public Attachments.StoredFile attachment(long workOrderId, long attachmentId, CurrentUser by) {
        by.require(Permission.WORKORDER_VIEW);
        inTransaction(() -> load(workOrderId, by));
        return attachments.file(workOrderId, attachmentId);
    }

    /** Runs one action on the aggregate; package-visible for incidents and callbacks. */
    WorkOrderView act(long id, Long expectedVersion, CurrentUser by, String action, Map<String, ?> changes,
                      Action body) {
        by.require(Permission.WORKORDER_VIEW);
        try {
            inTransaction(() -> {
                WorkOrder w = workOrders.findForUpdate(id)
                        .orElseThrow(() -> DomainException.notFound("workorder.error.notFound", id));
                if (!w.visibleTo(by)) {
                    throw DomainException.forbidden("workorder.error.notYourTeam", w.number());
                }
                if (expectedVersion != null && expectedVersion != w.version()) {
                    throw stale(w);
                }
                String before = w.state();
                body.apply(w, context(w.workflowId()));
                workOrders.saveAndFlush(w);
                Map<String, Object> all = new LinkedHashMap<>(changes);
                if (!before.equals(w.state())) {
                    all.put("state", List.of(before, w.state()));
                }
                audit.record("work_order", String.valueOf(id), action, all);
                return id;
            });
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale(workOrders.findById(id).orElseThrow());
        }
        return view(id, by);
    }

    /** An action applied to a loaded work order. */
    @FunctionalInterface
    interface Action {
        void apply(WorkOrder w, WorkOrder.Context ctx);
    }

    WorkOrder load(long id, CurrentUser by) {
        WorkOrder w = workOrders.findById(id).orElseThrow(() -> DomainException.notFound("workorder.error.notFound", id));
        if (!w.visibleTo(by)) {
            throw DomainException.forbidden("workorder.error.notYourTeam", w.number());
        }
        return w;
    }

    WorkOrder.Context context(long workflowId) {
        return new WorkOrder.Context(workflows.definition(workflowId), clock.instant(), schedule);
    }

    /** The same rules as the API's bean validation, for callers that bypass it (pages, other modules). */
    private static void checkRegistration(Register r) {
        if (!java.util.Set.of("LOW", "NORMAL", "HIGH", "URGENT").contains(String.valueOf(r.priority()))) {
            throw DomainException.invalid("workorder.error.badValue", fieldLabel("priority"), r.priority());
        }
        if (!java.util.Set.of("PHONE", "PORTAL", "WECHAT", "WALK_IN", "FIELD").contains(String.valueOf(r.channel()))) {
            throw DomainException.invalid("workorder.error.badValue", fieldLabel("channel"), r.channel());
        }
        if (r.contactPhone() == null || !r.contactPhone().matches("[0-9+\\- ]{5,20}")) {
            throw DomainException.invalid("workorder.error.badPhone", String.valueOf(r.contactPhone()));
        }
        if (r.description() == null || r.description().isBlank() || r.description().length() > 4000) {
            throw DomainException.invalid("workorder.error.description");
        }
    }

    private static org.springframework.context.MessageSourceResolvable fieldLabel(String field) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"workorder.field." + field}, field);
    }

    private TeamView requireRepairTeam(long teamId) {
        return teams.find(teamId).orElseThrow(() -> DomainException.invalid("workorder.error.unknownTeam", teamId));
    }

    private DomainException stale(WorkOrder current) {
        return DomainException.conflict("workorder.error.stale", current.updatedBy(),
                current.updatedAt().atZone(platform.timeZone()).format(STAMP));
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

}
