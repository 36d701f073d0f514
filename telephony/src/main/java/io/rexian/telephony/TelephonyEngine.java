package io.rexian.telephony;

import io.rexian.telephony.call.CallMedia;
import io.rexian.telephony.call.EngineMedia;
import io.rexian.telephony.media.MediaEngine;
import io.rexian.telephony.media.MediaSettings;
import java.io.IOException;
import java.net.InetAddress;
import io.rexian.telephony.call.SipCalls;
import io.rexian.telephony.registrar.DigestAuthenticator;
import io.rexian.telephony.registrar.FailedAttempts;
import io.rexian.telephony.registrar.Registrar;
import io.rexian.telephony.registrar.Registrations;
import io.rexian.telephony.registrar.SipAuthentication;
import io.rexian.telephony.sip.SipTransport;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The running telephone engine: SIP on UDP and TCP, registrar, calls. Start with
 * {@link #start}, stop with {@link #close()}. Thread-safe.
 */
public final class TelephonyEngine implements AutoCloseable {

    private final SipTransport sip;
    private final SipCalls calls;
    private final Registrations registrations;
    private final ExtensionFeatures features;
    private final CallMedia media;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;

    private TelephonyEngine(SipTransport sip, SipCalls calls, Registrations registrations, ExtensionFeatures features,
                            CallMedia media, ExecutorService workers, ScheduledExecutorService timers) {
        this.sip = sip;
        this.features = features;
        this.calls = calls;
        this.registrations = registrations;
        this.media = media;
        this.workers = workers;
        this.timers = timers;
    }

    /**
     * Starts SIP and RTP media as configured; throws {@link IllegalStateException} when a port is taken.
     */
    public static TelephonyEngine start(EngineSettings settings, ExtensionCredentials credentials,
                                       CallRecords records, Clock clock) {
        MediaEngine mediaEngine;
        try {
            InetAddress address = InetAddress.getByName(settings.mediaAddress());
            mediaEngine = MediaEngine.start(MediaSettings.defaults().withAddresses(address, address)
                    .withPorts(settings.rtpPortMin(), settings.rtpPortMax()).withRtpTimeout(settings.rtpTimeout()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start RTP media: " + e.getMessage(), e);
        }
        try {
            return start(settings, credentials, records, new EngineMedia(mediaEngine, true), clock);
        } catch (RuntimeException e) {
            mediaEngine.close();
            throw e;
        }
    }

    /** Starts with another media implementation (tests use a fake); throws {@link IllegalStateException} when the port is taken. */
    public static TelephonyEngine start(EngineSettings settings, ExtensionCredentials credentials,
                                       CallRecords records, CallMedia media, Clock clock) {
        ExecutorService workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("rexian-call-", 0).factory());
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("rexian-call-timers").daemon().factory());
        Registrations registrations = new Registrations(clock);
        ExtensionFeatures features = new ExtensionFeatures();
        SipCalls calls = new SipCalls(settings, registrations, features, credentials, media, records, clock, workers, timers);
        SipTransport sip;
        try {
            sip = SipTransport.start(settings.bindAddress(), settings.mediaAddress(), settings.port(), calls, clock);
        } catch (RuntimeException e) {
            workers.shutdownNow();
            timers.shutdownNow();
            throw e;
        }
        var auth = new SipAuthentication(sip, new DigestAuthenticator(settings.realm(), settings.digestAlgorithms(), credentials, clock),
                new FailedAttempts(settings.authFailureLimit(), settings.authFailureWindow(),
                        settings.authBlockDuration(), clock));
        calls.attach(sip, new Registrar(sip, auth, registrations, clock,
                settings.minRegistration(), settings.maxRegistration()), auth);
        return new TelephonyEngine(sip, calls, registrations, features, media, workers, timers);
    }

    public CallControl calls() {
        return calls.control();
    }

    /** Adds a carrier trunk (inbound DIDs, outbound prefix, optional registration). */
    public void addTrunk(Trunk trunk) {
        calls.addTrunk(trunk);
    }

    /** Whether the engine is currently registered at the trunk's carrier. */
    public boolean isRegisteredAt(String trunkName) {
        return calls.isRegisteredAt(trunkName);
    }

    /** Do-not-disturb, forwarding and call waiting per extension. */
    public ExtensionFeatures features() {
        return features;
    }

    /** Whether the extension has at least one live registration. */
    public boolean isRegistered(String extension) {
        return registrations.isRegistered(extension);
    }

    /** The extension's live registrations (contact, source address, phone's User-Agent), most recent first. */
    public java.util.List<Registration> registrations(String extension) {
        return registrations.contacts(extension).stream()
                .map(b -> new Registration(b.extension(), b.contact(), b.expiresAt(), b.sourceHost(), b.sourcePort(),
                        b.transport(), b.userAgent()))
                .toList();
    }

    /**
     * Forgets every registration of the extension at once, e.g. when an administrator disables it
     * or resets its password: calls stop reaching the phone now, not when its registration expires.
     * The phone's next REGISTER is authenticated afresh.
     */
    public void unregister(String extension) {
        registrations.unbindAll(extension);
    }

    public int activeCalls() {
        return calls.activeCalls();
    }

    /** RTP pacing so far (packets sent within 5 ms of their slot), or null with a non-standard media adapter. */
    public MediaEngine.PacingStatistics pacingStatistics() {
        return media instanceof EngineMedia m ? m.engine().pacingStatistics() : null;
    }

    public int port() {
        return sip.port();
    }

    @Override
    public void close() {
        sip.close();
        timers.shutdownNow();
        workers.shutdownNow();
        media.close();
    }
}
