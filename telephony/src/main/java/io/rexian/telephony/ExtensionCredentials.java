package io.rexian.telephony;

import java.util.Optional;

/**
 * SPI: where extension secrets come from (the server reads its database). Called on
 * virtual threads, possibly concurrently; must not block for long.
 */
@FunctionalInterface
public interface ExtensionCredentials {

    /** The secret of an extension, or empty when no such extension exists. */
    Optional<ExtensionSecret> find(String extension);
}
