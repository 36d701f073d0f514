package io.rexian.callcenter.extension;

import java.time.Instant;

/**
 * One phone registered for an extension, as the engine knows it right now.
 *
 * @param contact   where the phone asked to be called (its Contact URI)
 * @param source    address, port and transport its REGISTER came from (what calls really use, NAT included)
 * @param userAgent the phone's own description, null when it sent none
 */
record PhoneRegistration(String contact, String source, String userAgent, Instant expiresAt) {
}
