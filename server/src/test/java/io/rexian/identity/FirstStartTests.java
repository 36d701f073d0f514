package io.rexian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@IdentityTest
class FirstStartTests {

    @Autowired MockMvc mvc;
    @Autowired Users users;

    @Test
    void firstStartCreatesAdminWithAPasswordShownOnceThatMustBeChanged() throws Exception {
        String banner = StartupLog.messages().stream().filter(m -> m.contains("created user 'admin'"))
                .findFirst().orElseThrow(() -> new AssertionError("no first-start banner in " + StartupLog.messages()));
        Matcher m = Pattern.compile("password: (\\S+)").matcher(banner);
        assertThat(m.find()).isTrue();
        String password = m.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(14);
        assertThat(users.findByUsername("admin")).isPresent();

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("admin").password(password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        // Every page leads to the change-password page until the password is changed.
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/account/password"));
    }
}
