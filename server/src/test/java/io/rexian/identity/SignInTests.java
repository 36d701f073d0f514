package io.rexian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IdentityTest
class SignInTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void formLoginSucceedsWithTheRightPasswordAndFailsWithAWrongOne() throws Exception {
        CurrentUser agent = TestUsers.from(context).withRoles(TestUsers.unique("agent"), null, "AGENT");
        mvc.perform(formLogin().user(agent.username()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user(agent.username()).password("wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("nobody-here").password("wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(actions(agent.username())).contains("login", "login_failed");
    }

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutes() throws Exception {
        CurrentUser agent = TestUsers.from(context).withRoles(TestUsers.unique("agent"), null, "AGENT");
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin().user(agent.username()).password("wrong-password"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user(agent.username()).password("wrong-password"))
                .andExpect(redirectedUrl("/login?locked"));
        // Locked: even the right password is refused, on the form and for tokens.
        mvc.perform(formLogin().user(agent.username()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + agent.username() + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}"))
                .andExpect(status().isForbidden());

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(formLogin().user(agent.username()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(formLogin().user(agent.username()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"));
        assertThat(actions(agent.username())).contains("lock");
    }

    @Test
    void successResetsTheFailureCount() throws Exception {
        CurrentUser agent = TestUsers.from(context).withRoles(TestUsers.unique("agent"), null, "AGENT");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(formLogin().user(agent.username()).password("wrong-password"))
                        .andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(formLogin().user(agent.username()).password(TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void apiAnswers401ProblemDetailsWithoutCredentialsAndAcceptsTokensAndApiKeys() throws Exception {
        TestUsers users = TestUsers.from(context);
        CurrentUser admin = users.withRoles(TestUsers.unique("admin"), null, "ADMIN");

        mvc.perform(get("/api/v1/users"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer rxt_forged"))
                .andExpect(status().isUnauthorized());

        MvcResult token = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + admin.username() + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expiresAt").exists())
                .andReturn();
        String bearer = com.jayway.jsonpath.JsonPath.read(token.getResponse().getContentAsString(), "$.token");
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + bearer))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + admin.username() + "\",\"password\":\"nope-nope-nope\"}"))
                .andExpect(status().isUnauthorized());

        // Tokens expire.
        clock.advance(Duration.ofHours(9));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + bearer))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void webPagesRedirectToLoginWhenSignedOut() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    private java.util.List<String> actions(String username) {
        return jdbc.sql("select action from audit_event where actor_username = ? order by id").param(username)
                .query(String.class).list();
    }
}
