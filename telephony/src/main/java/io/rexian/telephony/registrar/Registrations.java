package io.rexian.telephony.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Current contacts per extension, expired ones invisible. Thread-safe. */
public final class Registrations {

    private final Map<String, Map<String, Binding>> byExtension = new ConcurrentHashMap<>();
    private final Clock clock;

    public Registrations(Clock clock) {
        this.clock = clock;
    }

    public void bind(Binding binding) {
        byExtension.compute(binding.extension(), (e, contacts) -> {
            Map<String, Binding> c = contacts == null ? new LinkedHashMap<>() : contacts;
            c.put(binding.contact(), binding);
            return c;
        });
    }

    public void unbind(String extension, String contact) {
        byExtension.computeIfPresent(extension, (e, contacts) -> {
            contacts.remove(contact);
            return contacts.isEmpty() ? null : contacts;
        });
    }

    public void unbindAll(String extension) {
        byExtension.remove(extension);
    }

    /** Live contacts, most recently refreshed first. */
    public List<Binding> contacts(String extension) {
        Instant now = clock.instant();
        List<Binding> live = new ArrayList<>();
        byExtension.computeIfPresent(extension, (e, contacts) -> {
            contacts.values().removeIf(b -> !b.expiresAt().isAfter(now));
            live.addAll(contacts.values());
            return contacts.isEmpty() ? null : contacts;
        });
        live.sort(Comparator.comparing(Binding::expiresAt).reversed());
        return live;
    }

    public boolean isRegistered(String extension) {
        return !contacts(extension).isEmpty();
    }
}
