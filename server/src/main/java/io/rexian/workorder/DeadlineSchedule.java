package io.rexian.workorder;

import java.time.Instant;
import java.util.Optional;

/** Computes when a phase of a work order falls due, on the business calendar; empty when no rule applies. */
interface DeadlineSchedule {

    Optional<Due> due(String typeCode, String priority, DeadlinePhase phase, Instant start);

    /** Moves a due instant by the business time that passed while the work order waited on the resident. */
    Instant shift(Instant due, Instant pausedAt, Instant resumedAt);

    /** @param remindAt when to remind the team before the deadline, or null */
    record Due(Instant dueAt, Instant remindAt) {
    }

    DeadlineSchedule NONE = new DeadlineSchedule() {
        @Override
        public Optional<Due> due(String typeCode, String priority, DeadlinePhase phase, Instant start) {
            return Optional.empty();
        }

        @Override
        public Instant shift(Instant due, Instant pausedAt, Instant resumedAt) {
            return due;
        }
    };
}
