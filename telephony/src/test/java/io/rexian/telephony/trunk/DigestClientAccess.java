package io.rexian.telephony.trunk;

/** Lets tests in other packages read digest header parameters the way the client writes them. */
public final class DigestClientAccess {

    private DigestClientAccess() {
    }

    public static String param(String header, String name) {
        return DigestClient.param(header, name);
    }
}
