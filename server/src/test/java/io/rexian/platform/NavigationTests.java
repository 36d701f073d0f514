package io.rexian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.IdentityTest;
import io.rexian.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Each role sees its daily work in the top bar; administration sits behind one 系统管理 link. */
@IdentityTest
class NavigationTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;

    @Test
    void administratorsFindAdministrationOnOnePageAndAgentsDoNotSeeIt() throws Exception {
        TestUsers users = TestUsers.from(context);
        CurrentUser admin = users.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        CurrentUser agent = users.withRoles(TestUsers.unique("agent"), null, "AGENT");

        String adminHome = body(admin, "/");
        String topBar = adminHome.substring(adminHome.indexOf("<nav class=\"mainnav\">"), adminHome.indexOf("</nav>"));
        assertThat(topBar).contains("系统管理").contains("href=\"/customers\"").doesNotContain("href=\"/admin/roles\"");
        assertThat(body(admin, "/admin")).contains("href=\"/admin/users\"").contains("href=\"/admin/roles\"")
                .contains("href=\"/admin/audit\"").contains("href=\"/customers/import\"");

        assertThat(body(agent, "/")).doesNotContain("系统管理").contains("href=\"/customers\"");
        assertThat(mvc.perform(get("/admin").with(TestUsers.as(agent))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    private String body(CurrentUser user, String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.as(user))).andReturn().getResponse().getContentAsString();
    }
}
