package io.rexian.workorder;

/** Milestones a field team reports from the street. */
public enum ProgressStep {
    DEPARTED, ON_SITE, REPAIRED
}
