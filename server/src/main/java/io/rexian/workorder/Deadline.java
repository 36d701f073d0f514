package io.rexian.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One running or met deadline of a work order; reminders and escalation levels are tracked here. */
@Entity
@Table(name = "work_order_deadline")
class Deadline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "work_order_id")
    private WorkOrder workOrder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeadlinePhase phase;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "remind_at")
    private Instant remindAt;

    @Column(name = "met_at")
    private Instant metAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    protected Deadline() {
    }

    Deadline(WorkOrder workOrder, DeadlinePhase phase) {
        this.workOrder = workOrder;
        this.phase = phase;
    }

    void restart(DeadlineSchedule.Due due) {
        dueAt = due.dueAt();
        remindAt = due.remindAt();
        metAt = null;
        remindedAt = null;
        escalationLevel = 0;
        escalatedAt = null;
    }

    void meet(Instant at) {
        if (metAt == null) {
            metAt = at;
        }
    }

    void shift(DeadlineSchedule schedule, Instant pausedAt, Instant resumedAt) {
        if (metAt == null) {
            Instant newDue = schedule.shift(dueAt, pausedAt, resumedAt);
            if (remindAt != null && remindedAt == null) {
                remindAt = remindAt.plus(java.time.Duration.between(dueAt, newDue));
            }
            dueAt = newDue;
        }
    }

    boolean open() {
        return metAt == null;
    }

    DeadlinePhase phase() {
        return phase;
    }

    Instant dueAt() {
        return dueAt;
    }

    Instant metAt() {
        return metAt;
    }

    boolean missed(Instant now) {
        return metAt == null ? now.isAfter(dueAt) : metAt.isAfter(dueAt);
    }
}
