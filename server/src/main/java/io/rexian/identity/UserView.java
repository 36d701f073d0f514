package io.rexian.identity;

/** A user as other modules see it (no credentials). */
public record UserView(long id, String username, String displayName, String mobile, Long teamId, boolean enabled) {
}
