package io.rexian.workorder;

/** What a deadline measures: from transfer to acceptance, from acceptance to arrival, from registration to the reply. */
public enum DeadlinePhase {
    ACCEPT, ON_SITE, RESOLVE
}
