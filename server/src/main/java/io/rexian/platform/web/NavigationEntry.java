package io.rexian.platform.web;

/**
 * One item of the navigation. Modules declare theirs as beans; the layout shows an item only
 * to users holding {@code authority} (null: every signed-in user). Hiding is a convenience:
 * every controller still checks the permission itself.
 *
 * @param order      position within its section, lower first
 * @param labelKey   message-bundle key of the label
 * @param href       target path
 * @param authority  granted authority needed to see it, or null
 * @param section    daily work shows in the top bar; administration on the 系统管理 page
 */
public record NavigationEntry(int order, String labelKey, String href, String authority, Section section) {

    public enum Section { WORK, ADMINISTRATION }

    /** An entry of daily work. */
    public NavigationEntry(int order, String labelKey, String href, String authority) {
        this(order, labelKey, href, authority, Section.WORK);
    }

    /** An entry of the administration page. */
    public static NavigationEntry administration(int order, String labelKey, String href, String authority) {
        return new NavigationEntry(order, labelKey, href, authority, Section.ADMINISTRATION);
    }
}
