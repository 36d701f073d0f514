package io.rexian.callcenter.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rexian.callcenter.SipSettings;
import io.rexian.telephony.Trunk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A carrier trunk is configured with plain settings and reaches the engine as written. */
class TrunkSettingsTests {

    @Test
    void trunksFromSettingsBecomeEngineTrunks() {
        SipSettings sip = bind(Map.of(
                "rexian.sip.trunks[0].name", "电信中继",
                "rexian.sip.trunks[0].host", "10.1.2.3",
                "rexian.sip.trunks[0].port", "5080",
                "rexian.sip.trunks[0].dids.96001", "8001",
                "rexian.sip.trunks[0].outbound-prefix", "9",
                "rexian.sip.trunks[0].username", "hotline",
                "rexian.sip.trunks[0].password", "secret",
                "rexian.sip.trunks[0].register", "true"));

        List<Trunk> trunks = TelephonyConfig.trunks(sip);

        assertThat(trunks).containsExactly(new Trunk("电信中继", "10.1.2.3", 5080, Map.of("96001", "8001"), "9",
                "hotline", "secret", true));
        assertThat(trunks.getFirst().outboundNumber("913800001111")).isEqualTo("13800001111");
        assertThat(trunks.getFirst().isSource("10.1.2.3", 5080)).isTrue();
    }

    @Test
    void noTrunksByDefaultAndATrunkWithoutHostIsRefused() {
        assertThat(TelephonyConfig.trunks(bind(Map.of()))).isEmpty();
        SipSettings noHost = bind(Map.of("rexian.sip.trunks[0].name", "坏中继"));
        assertThatThrownBy(() -> TelephonyConfig.trunks(noHost)).hasMessageContaining("坏中继 needs a host");
    }

    private static SipSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("rexian.sip", SipSettings.class);
    }
}
