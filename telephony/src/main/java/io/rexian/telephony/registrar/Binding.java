package io.rexian.telephony.registrar;

import java.time.Instant;

/**
 * One registered contact of an extension. {@code sourceHost}/{@code sourcePort}/{@code transport}
 * record where the REGISTER came from, so calls reach phones behind NAT; {@code userAgent} is the
 * phone's own description (User-Agent header, may be null) for administrators.
 */
public record Binding(String extension, String contact, Instant expiresAt,
                      String sourceHost, int sourcePort, String transport, String userAgent) {
}
