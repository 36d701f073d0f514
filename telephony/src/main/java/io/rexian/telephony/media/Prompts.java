package io.rexian.telephony.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cache of loaded prompts by file, so a busy IVR converts each WAV once. A file changed on disk
 * (newer modification time) is reloaded on next use. Thread-safe.
 */
public final class Prompts {

    private final ConcurrentHashMap<Path, Entry> cache = new ConcurrentHashMap<>();

    /** The prompt in {@code wav}, loaded and converted on first use. */
    public Prompt get(Path wav) throws IOException {
        Path key = wav.toAbsolutePath().normalize();
        FileTime modified = Files.getLastModifiedTime(key);
        try {
            Entry entry = cache.compute(key, (k, old) -> {
                if (old != null && old.modified.equals(modified)) {
                    return old;
                }
                try {
                    return new Entry(Prompt.load(k), modified);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return entry.prompt;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public int size() {
        return cache.size();
    }

    private record Entry(Prompt prompt, FileTime modified) {
    }
}
