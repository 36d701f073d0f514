package io.rexian.callcenter.extension;

import io.rexian.callcenter.SipSettings;
import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.UserView;
import io.rexian.identity.Users;
import io.rexian.platform.DomainException;
import io.rexian.platform.PlatformSettings;
import io.rexian.telephony.ExtensionSecret;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators' actions on SIP extensions (CALLCENTER_CONFIGURE): every action checks the
 * permission, every write is audited in its transaction without the password or its hashes.
 * The registrar reads the same table through {@code ExtensionDirectory}, so a change applies to
 * the next REGISTER or call without restarting the engine.
 */
@Service
class ExtensionAdministration {

    static final String AUDIT_ENTITY = "sip_extension";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A saved extension and, when Rexian generated it, the password to show exactly once. */
    record Saved(ExtensionView extension, String generatedPassword) {
    }

    private final Extensions extensions;
    private final ExtensionNumbers numbers;
    private final ExtensionPasswords passwords;
    private final EngineStatus engine;
    private final Users users;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final SipSettings sip;
    private final PlatformSettings platform;
    private final Clock clock;

    ExtensionAdministration(Extensions extensions, ExtensionNumbers numbers, ExtensionPasswords passwords,
                            EngineStatus engine, Users users, AuditLog audit, JdbcClient jdbc, SipSettings sip,
                            PlatformSettings platform, Clock clock) {
        this.extensions = extensions;
        this.numbers = numbers;
        this.passwords = passwords;
        this.engine = engine;
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
        this.sip = sip;
        this.platform = platform;
        this.clock = clock;
    }

    /**
     * Extensions whose number contains {@code query} or whose owner's login or name does; all when
     * blank. Filtered in memory: a utility has hundreds of extensions, not millions, and owner
     * names live in identity, which offers no search across modules.
     */
    @Transactional(readOnly = true)
    List<ExtensionView> search(CurrentUser user, String query) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Map<Long, Optional<UserView>> owners = new HashMap<>();
        return extensions.findAllByOrderByNumberAsc().stream()
                .map(e -> view(e, owners.computeIfAbsent(e.ownerId(), this::owner)))
                .filter(v -> q.isEmpty() || v.number().contains(q)
                        || (v.ownerUsername() != null && v.ownerUsername().toLowerCase(Locale.ROOT).contains(q))
                        || (v.ownerName() != null && v.ownerName().toLowerCase(Locale.ROOT).contains(q)))
                .toList();
    }

    @Transactional(readOnly = true)
    ExtensionView get(CurrentUser user, String number) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        return view(load(number));
    }

    /** The signed-in user's own extensions; needs no permission (he sees only his). */
    @Transactional(readOnly = true)
    List<ExtensionView> ownedBy(CurrentUser user) {
        Optional<UserView> me = owner(user.id());
        return extensions.findByOwnerIdOrderByNumberAsc(user.id()).stream().map(e -> view(e, me)).toList();
    }

    /**
     * @param ownerUsername login of the owner, blank for none
     * @param password      typed password, blank to generate one
     */
    @Transactional
    Saved create(CurrentUser user, String rawNumber, String ownerUsername, String password) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        String number = numbers.check(rawNumber);
        Long ownerId = ownerId(ownerUsername);
        String secret = passwords.typedOrGenerated(password, number);
        if (extensions.existsById(number)) {
            throw DomainException.conflict("callcenter.extension.error.exists", number);
        }
        Extension extension = extensions.saveAndFlush(new Extension(number, ownerId, sip.realm(),
                ExtensionSecret.fromPassword(number, sip.realm(), secret), clock.instant(), user.username()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("owner", ownerUsername == null || ownerUsername.isBlank() ? null : ownerUsername.strip());
        changes.put("enabled", true);
        changes.put("passwordGenerated", generated(password));
        audit.record(AUDIT_ENTITY, number, "create", changes);
        return new Saved(view(extension), generated(password) ? secret : null);
    }

    @Transactional
    Saved resetPassword(CurrentUser user, String number, Long expectedVersion, String password) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        Extension extension = loadCurrent(number, expectedVersion);
        String secret = passwords.typedOrGenerated(password, number);
        extension.changePassword(sip.realm(), ExtensionSecret.fromPassword(number, sip.realm(), secret),
                clock.instant(), user.username());
        extensions.flush();
        audit.record(AUDIT_ENTITY, number, "reset_password", Map.of("passwordGenerated", generated(password)));
        engine.dropRegistrationsAfterCommit(number);
        return new Saved(view(extension), generated(password) ? secret : null);
    }

    /**
     * Disabling takes effect at once: the phone's registrations are dropped (calls no longer ring
     * it), its calls are refused (403) and so is its next REGISTER.
     */
    @Transactional
    ExtensionView setEnabled(CurrentUser user, String number, Long expectedVersion, boolean enabled) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        Extension extension = loadCurrent(number, expectedVersion);
        if (extension.setEnabled(enabled, clock.instant(), user.username())) {
            extensions.flush();
            audit.record(AUDIT_ENTITY, number, enabled ? "enable" : "disable", Map.of("enabled", enabled));
            if (!enabled) {
                engine.dropRegistrationsAfterCommit(number);
            }
        }
        return view(extension);
    }

    /** Hands the extension to another user (staff change desks); blank: nobody. The password stays. */
    @Transactional
    ExtensionView changeOwner(CurrentUser user, String number, Long expectedVersion, String ownerUsername) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        Extension extension = loadCurrent(number, expectedVersion);
        Long before = extension.ownerId();
        if (extension.assignTo(ownerId(ownerUsername), clock.instant(), user.username())) {
            extensions.flush();
            audit.record(AUDIT_ENTITY, number, "change_owner", Map.of("owner", java.util.Arrays.asList(
                    owner(before).map(UserView::username).orElse(null),
                    owner(extension.ownerId()).map(UserView::username).orElse(null))));
        }
        return view(extension);
    }

    @Transactional
    void delete(CurrentUser user, String number, Long expectedVersion) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        Extension extension = loadCurrent(number, expectedVersion);
        Long ownerId = extension.ownerId();
        extensions.delete(extension);
        extensions.flush();
        // Its stored call features would otherwise come back with a new extension of the same number.
        jdbc.sql("delete from callcenter_extension_feature where extension = :e").param("e", number).update();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("owner", owner(ownerId).map(UserView::username).orElse(null));
        audit.record(AUDIT_ENTITY, number, "delete", changes);
        engine.forgetExtensionAfterCommit(number);
    }

    /** No typed password: {@link ExtensionPasswords} generates one, which the caller must show once. */
    private static boolean generated(String typed) {
        return typed == null || typed.isEmpty();
    }

    private Extension load(String number) {
        return extensions.findById(number == null ? "" : number)
                .orElseThrow(() -> DomainException.notFound("callcenter.extension.error.notFound", number));
    }

    /** Loads the extension and refuses when someone changed it since the caller read {@code expectedVersion}. */
    private Extension loadCurrent(String number, Long expectedVersion) {
        Extension extension = load(number);
        if (expectedVersion != null && expectedVersion != extension.version()) {
            if (extension.updatedBy() == null) {
                throw DomainException.conflict("callcenter.extension.error.staleUnknown", number);
            }
            throw DomainException.conflict("callcenter.extension.error.stale", number, extension.updatedBy(),
                    WHEN.format(extension.updatedAt().atZone(platform.timeZone())));
        }
        return extension;
    }

    private Long ownerId(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return users.findByUsername(username.strip()).map(UserView::id)
                .orElseThrow(() -> DomainException.invalid("callcenter.extension.error.ownerUnknown", username.strip()));
    }

    private Optional<UserView> owner(Long id) {
        return id == null ? Optional.empty() : users.find(id);
    }

    private ExtensionView view(Extension e) {
        return view(e, owner(e.ownerId()));
    }

    private ExtensionView view(Extension e, Optional<UserView> owner) {
        return new ExtensionView(e.number(), e.ownerId(), owner.map(UserView::username).orElse(null),
                owner.map(UserView::displayName).orElse(null), e.enabled(), engine.extensionRegistered(e.number()),
                engine.phones(e.number()), e.updatedAt(), e.updatedBy(), e.version());
    }
}
