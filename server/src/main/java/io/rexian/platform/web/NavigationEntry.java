package io.rexian.platform.web;

/**
 * One item of the main navigation. Modules declare theirs as beans; the layout shows an
 * item only to users holding {@code authority} (null: every signed-in user). Hiding is a
 * convenience: every controller still checks the permission itself.
 *
 * @param order      position, lower first
 * @param labelKey   message-bundle key of the label
 * @param href       target path
 * @param authority  granted authority needed to see it, or null
 */
public record NavigationEntry(int order, String labelKey, String href, String authority) {
}
