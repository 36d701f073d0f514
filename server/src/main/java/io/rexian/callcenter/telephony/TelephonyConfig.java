package io.rexian.callcenter.telephony;

import io.rexian.callcenter.SipSettings;
import io.rexian.platform.PlatformSettings;
import io.rexian.telephony.EngineSettings;
import io.rexian.telephony.TelephonyEngine;
import io.rexian.telephony.Trunk;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the telephony engine with the server: started when the context is ready to serve
 * (the bean is created after the database migrations), stopped with the context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "rexian.sip.enabled", matchIfMissing = true)
class TelephonyConfig {

    private static final Logger log = LoggerFactory.getLogger(TelephonyConfig.class);

    @Bean(destroyMethod = "close")
    TelephonyEngine telephonyEngine(SipSettings sip, PlatformSettings platform, ExtensionDirectory extensions,
                                    CallRecordStore records, ExtensionFeatureStore features, Clock clock) {
        EngineSettings settings = engineSettings(sip, platform.demo());
        TelephonyEngine engine = TelephonyEngine.start(settings, extensions, records, clock);
        // Features saved before the restart apply to the first call; later changes are written through.
        engine.features().attach(features);
        trunks(sip).forEach(engine::addTrunk);
        log.info("SIP on {}:{} (UDP and TCP){}", settings.bindAddress(), settings.port(),
                platform.demo() ? ", test services *43/*44 open to 127.0.0.1" : "");
        return engine;
    }

    static EngineSettings engineSettings(SipSettings sip, boolean demo) {
        String bind = sip.effectiveBindAddress(demo);
        EngineSettings base = EngineSettings.defaults().withAddress(bind, sip.port());
        return new EngineSettings(bind, sip.port(), blankToNull(sip.mediaAddress()), sip.rtpPortMin(), sip.rtpPortMax(),
                sip.realm(), demo ? Set.of("127.0.0.1") : Set.of(), base.echoNumber(), base.playbackNumber(),
                sip.authFailureLimit(), sip.authFailureWindow(), sip.authBlock(),
                base.minRegistration(), base.maxRegistration(), sip.noAnswerTimeout(), sip.rtpTimeout(),
                sip.digestAlgorithms(), sip.sessionExpires(), sip.minSessionExpires());
    }

    /** The configured carrier trunks as the engine takes them; a trunk without a host is refused at start. */
    static List<Trunk> trunks(SipSettings sip) {
        return sip.trunks().stream()
                .map(t -> new Trunk(t.name() == null ? t.host() : t.name(), t.host(), t.port(), t.dids(),
                        blankToNull(t.outboundPrefix()), blankToNull(t.username()), blankToNull(t.password()),
                        t.register()))
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
