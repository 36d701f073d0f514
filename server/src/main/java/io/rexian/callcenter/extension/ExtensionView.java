package io.rexian.callcenter.extension;

import java.time.Instant;

/**
 * An extension as pages and the API show it (never a password or hash).
 *
 * @param registered whether a phone is registered now; null when the engine is not running
 * @param version    send it back with a change; a newer one means someone else changed it
 */
record ExtensionView(String number, Long ownerId, String ownerUsername, String ownerName, boolean enabled,
                     Boolean registered, Instant updatedAt, String updatedBy, long version) {
}
