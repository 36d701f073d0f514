package io.rexian.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.telephony.ExtensionSecret;
import io.rexian.telephony.MutableClock;
import io.rexian.telephony.trunk.DigestClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Digest verification with SHA-256 and MD5, stale nonces, and the same outcome for unknown users. */
class DigestAuthenticatorTests {

    private final MutableClock clock = new MutableClock();
    private final DigestAuthenticator digest = new DigestAuthenticator("rexian", List.of("SHA-256", "MD5"),
            ext -> ext.equals("8001") ? Optional.of(ExtensionSecret.fromPassword("8001", "rexian", "secret"))
                    : Optional.empty(), clock);

    private DigestAuthenticator.Answer answer(String challenge, String user, String password) {
        String header = DigestClient.answer(challenge, "REGISTER", "sip:rexian", user, password);
        return new DigestAuthenticator.Answer(param(header, "username"), param(header, "realm"), param(header, "nonce"),
                param(header, "uri"), param(header, "response"), param(header, "algorithm"), param(header, "qop"),
                param(header, "cnonce"), param(header, "nc"));
    }

    private static String param(String header, String name) {
        return io.rexian.telephony.trunk.DigestClientAccess.param(header, name);
    }

    @Test
    void sha256AndMd5AnswersAreAccepted() {
        List<String> challenges = digest.challenges(false);
        assertThat(challenges.get(0)).contains("algorithm=SHA-256");
        assertThat(digest.verify("REGISTER", answer(challenges.get(0), "8001", "secret")))
                .isEqualTo(new DigestAuthenticator.Outcome.Accepted("8001"));
        assertThat(digest.verify("REGISTER", answer(challenges.get(1), "8001", "secret")))
                .isEqualTo(new DigestAuthenticator.Outcome.Accepted("8001"));
    }

    @Test
    void wrongPasswordAndUnknownUserAreRejectedAlike() {
        String challenge = digest.challenges(false).get(0);
        assertThat(digest.verify("REGISTER", answer(challenge, "8001", "wrong")))
                .isEqualTo(new DigestAuthenticator.Outcome.Rejected());
        assertThat(digest.verify("REGISTER", answer(challenge, "9999", "secret")))
                .isEqualTo(new DigestAuthenticator.Outcome.Rejected());
    }

    @Test
    void oldNonceIsStaleAndForgedNonceRejected() {
        String challenge = digest.challenges(false).get(0);
        DigestAuthenticator.Answer late = answer(challenge, "8001", "secret");
        clock.advance(Duration.ofMinutes(6));
        assertThat(digest.verify("REGISTER", late)).isEqualTo(new DigestAuthenticator.Outcome.Stale());
        String forged = challenge.replaceAll("nonce=\"[^\"]+\"", "nonce=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"");
        assertThat(digest.verify("REGISTER", answer(forged, "8001", "secret")))
                .isEqualTo(new DigestAuthenticator.Outcome.Rejected());
    }
}
