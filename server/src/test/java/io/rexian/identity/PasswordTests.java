package io.rexian.identity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IdentityTest
class PasswordTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void ownPasswordChangeNeedsTheOldOneTenCharactersAndNotTheUsername() throws Exception {
        CurrentUser agent = TestUsers.from(context).withRoles(TestUsers.unique("agent"), null, "AGENT");
        change(agent, "wrong-old-password", "a-new-password", "a-new-password")
                .andExpect(content().string(containsString("当前密码：不正确。")));
        change(agent, TestUsers.PASSWORD, "short", "short")
                .andExpect(content().string(containsString("至少需要 10 个字符")));
        change(agent, TestUsers.PASSWORD, "a-new-password", "another-password")
                .andExpect(content().string(containsString("两次输入不一致")));
        change(agent, TestUsers.PASSWORD, "a-new-password", "a-new-password")
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user(agent.username()).password(TestUsers.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user(agent.username()).password("a-new-password")).andExpect(redirectedUrl("/"));
    }

    @Test
    void anOverlongPasswordIsRefusedWithAReasonAndFailsSignInQuietly() throws Exception {
        CurrentUser agent = TestUsers.from(context).withRoles(TestUsers.unique("agent"), null, "AGENT");
        String longOne = "很长的密码".repeat(20);
        change(agent, TestUsers.PASSWORD, longOne, longOne).andExpect(content().string(containsString("最多 72 字节")));
        mvc.perform(formLogin().user(agent.username()).password(longOne)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aPasswordEqualToTheUsernameIsRefused() throws Exception {
        String username = TestUsers.unique("longusername");
        CurrentUser agent = TestUsers.from(context).withRoles(username, null, "AGENT");
        change(agent, TestUsers.PASSWORD, username.toUpperCase(), username.toUpperCase())
                .andExpect(content().string(containsString("不能与用户名相同")));
    }

    @Test
    void afterAnAdminResetTheUserMustChangeHisPasswordFirst() throws Exception {
        TestUsers test = TestUsers.from(context);
        CurrentUser admin = test.withRoles(TestUsers.unique("admin"), null, "ADMIN");
        CurrentUser agent = test.withRoles(TestUsers.unique("agent"), null, "AGENT");
        MvcResult reset = mvc.perform(post("/admin/users/" + agent.id() + "/reset-password")
                        .with(TestUsers.as(admin)).with(csrf()))
                .andExpect(flash().attributeExists("temporaryPassword")).andReturn();
        String temporary = (String) reset.getFlashMap().get("temporaryPassword");

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(agent.username()).password(temporary))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("oldPassword", temporary)
                        .param("newPassword", "my-own-password").param("repeatPassword", "my-own-password"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions change(CurrentUser user, String old, String next,
                                                                      String repeat) throws Exception {
        return mvc.perform(post("/account/password").with(TestUsers.as(user)).with(csrf())
                .param("oldPassword", old).param("newPassword", next).param("repeatPassword", repeat));
    }
}
