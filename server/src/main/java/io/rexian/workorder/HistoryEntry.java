package io.rexian.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a work order's history: every state change, transfer, note, urge. Never changed once written. */
@Entity
@Table(name = "work_order_event")
class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "work_order_id")
    private WorkOrder workOrder;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false)
    private String action;

    @Column(name = "from_state")
    private String fromState;

    @Column(name = "to_state")
    private String toState;

    @Column(name = "from_team_id")
    private Long fromTeamId;

    @Column(name = "to_team_id")
    private Long toTeamId;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private Instant at;

    private String note;

    private String detail;

    protected HistoryEntry() {
    }

    HistoryEntry(WorkOrder workOrder, int seq, String action, String fromState, String toState, Long fromTeamId,
                 Long toTeamId, String actor, Instant at, String note, String detail) {
        this.workOrder = workOrder;
        this.seq = seq;
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.fromTeamId = fromTeamId;
        this.toTeamId = toTeamId;
        this.actor = actor;
        this.at = at;
        this.note = note;
        this.detail = detail;
    }

    int seq() { return seq; }
    String action() { return action; }
    String fromState() { return fromState; }
    String toState() { return toState; }
    Long fromTeamId() { return fromTeamId; }
    Long toTeamId() { return toTeamId; }
    String actor() { return actor; }
    Instant at() { return at; }
    String note() { return note; }
    String detail() { return detail; }
}
