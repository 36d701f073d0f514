package io.rexian.telephony;

import java.time.Instant;

/**
 * One phone registered for an extension, as administrators see it.
 *
 * @param contact    where the phone asked to be called (its Contact URI)
 * @param sourceHost address its REGISTER came from (what calls use, NAT included), with port and transport
 * @param userAgent  the phone's own description (User-Agent header), null when it sent none
 */
public record Registration(String extension, String contact, Instant expiresAt, String sourceHost, int sourcePort,
                           String transport, String userAgent) {
}
