package io.rexian.callcenter.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.rexian.callcenter.SippPeer;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.TestUsers;
import io.rexian.telephony.TelephonyEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An extension created in the browser's API really registers with the running engine, and
 * once disabled its registration is dropped and its next REGISTER refused. SIP on a free 127.0.0.1 port, never 5060.
 */
@SpringBootTest(properties = {"rexian.sip.enabled=true", "rexian.sip.bind-address=127.0.0.1",
        "rexian.sip.trunks[0].name=电信中继", "rexian.sip.trunks[0].host=127.0.0.2", "rexian.sip.trunks[0].port=5999",
        "rexian.sip.trunks[0].dids.96001=6101", "rexian.sip.trunks[0].outbound-prefix=9",
        "rexian.sip.trunks[0].username=hotline", "rexian.sip.trunks[0].password=trunk-secret-xyz",
        "rexian.sip.trunks[0].register=true"})
@AutoConfigureMockMvc
class ExtensionRegistrationTests {

    static final int SIP_PORT = SippPeer.freePort();

    @DynamicPropertySource
    static void sip(DynamicPropertyRegistry registry) {
        registry.add("rexian.sip.port", () -> SIP_PORT);
        registry.add("rexian.sip.rtp-port-min", () -> 42000);
        registry.add("rexian.sip.rtp-port-max", () -> 42999);
    }

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired TelephonyEngine engine;

    @Test
    void aNewExtensionRegistersAndOnceDisabledItsNextRegisterIsRefused() throws Exception {
        assumeTrue(SippPeer.installed(), "sipp (apt package sip-tester) is not installed");
        TestUsers users = TestUsers.from(context);
        CurrentUser admin = users.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        String target = "127.0.0.1:" + SIP_PORT;

        String created = mvc.perform(post("/api/v1/extensions").header("Authorization", users.bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"number\": \"6101\"}"))
                .andReturn().getResponse().getContentAsString();
        String password = JsonPath.read(created, "$.generatedPassword");
        assertThat(engine.isRegistered("6101")).isFalse();

        assertThat(SippPeer.runScenario("/sipp-register.xml", target, "-s", "6101", "-au", "6101", "-ap", password,
                "-m", "1")).as("REGISTER with the generated password").isZero();
        assertThat(engine.isRegistered("6101")).isTrue();
        String page = mvc.perform(get("/callcenter/extensions/6101").with(TestUsers.as(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("在线").contains("<code>127.0.0.1</code>")
                .contains("<code>" + SIP_PORT + "</code>")
                .as("the registered phone: its contact and the User-Agent sipp sends").contains("已注册话机")
                .contains("sip:6101@127.0.0.1").contains("rexian-test-phone/1.0");

        // Control: while enabled, the same call is not refused (the echo service answers it).
        assertThat(SippPeer.runScenario("/sipp-call-refused.xml", target, "-s", "*43", "-au", "6101", "-ap", password,
                "-key", "caller", "6101", "-m", "1")).as("an enabled extension's call is not refused").isNotZero();

        mvc.perform(post("/callcenter/extensions/6101/enabled").with(TestUsers.as(admin)).with(csrf())
                .param("version", "0").param("enabled", "false"));
        assertThat(engine.isRegistered("6101")).as("the phone's registration dropped at once").isFalse();
        assertThat(SippPeer.runScenario("/sipp-register-refused.xml", target, "-s", "6101", "-au", "6101",
                "-ap", password, "-m", "1")).as("REGISTER of the disabled extension answered 403").isZero();
        assertThat(SippPeer.runScenario("/sipp-call-refused.xml", target, "-s", "*43", "-au", "6101", "-ap", password,
                "-key", "caller", "6101", "-m", "1")).as("its INVITE is refused at once (403)").isZero();
        assertThat(engine.isRegistered("6101")).isFalse();

        mvc.perform(post("/callcenter/extensions/6101/enabled").with(TestUsers.as(admin)).with(csrf())
                .param("version", "1").param("enabled", "true"));
        assertThat(SippPeer.runScenario("/sipp-register.xml", target, "-s", "6101", "-au", "6101", "-ap", password,
                "-m", "1")).as("REGISTER after enabling again").isZero();

        // Deleted: the phone is dropped and the engine forgets its features, so a new 6101 starts clean.
        engine.features().setDoNotDisturb("6101", true);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/extensions/6101")
                .header("Authorization", users.bearer(admin))).andExpect(status().is2xxSuccessful());
        assertThat(engine.isRegistered("6101")).isFalse();
        assertThat(engine.features().doNotDisturb("6101")).isFalse();
    }

    @Test
    void trunksAreListedWithTheirNumbersAndRegistrationButNeverTheirPassword() throws Exception {
        TestUsers users = TestUsers.from(context);
        CurrentUser admin = users.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        String page = mvc.perform(get("/callcenter/trunks").with(TestUsers.as(admin)))
                .andReturn().getResponse().getContentAsString();
        // Nobody answers at 127.0.0.2:5999, so the engine is not registered there.
        assertThat(page).contains("电信中继").contains("127.0.0.2:5999").contains("96001").contains("6101")
                .contains("hotline").contains("未注册").contains("rexian.sip.trunks[N]")
                .doesNotContain("trunk-secret-xyz");
        // Extensions may not start with the trunk's outbound prefix 9.
        mvc.perform(post("/api/v1/extensions").header("Authorization", users.bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"number\": \"9001\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.startsWith("分机号：9001 以线路“电信中继”的外呼前缀 9 开头")));
        CurrentUser agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");
        assertThat(mvc.perform(get("/callcenter/trunks").with(TestUsers.as(agent))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }
}
