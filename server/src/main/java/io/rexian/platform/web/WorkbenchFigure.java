package io.rexian.platform.web;

/**
 * A number on the workbench, such as "my open work orders: 7".
 *
 * @param order    position, lower first
 * @param labelKey message-bundle key of the label
 * @param value    the figure
 * @param href     where clicking the figure leads
 * @param alert    true when the figure needs attention (shown in red), e.g. overdue items
 */
public record WorkbenchFigure(int order, String labelKey, long value, String href, boolean alert) {
}
