package io.rexian.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.rexian.identity.IdentityTest;
import io.rexian.identity.Permission;
import io.rexian.identity.TeamView;
import io.rexian.identity.Teams;
import io.rexian.identity.UserView;
import io.rexian.identity.Users;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Seeds in the shared identity context (demo off there) by calling the seeder directly. */
@IdentityTest
class DemoOrganisationTests {

    @Autowired DemoOrganisation demo;
    @Autowired Teams teams;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void seedsTheHeatingCompanyOnceEvenWhenRunTwice() throws Exception {
        demo.seed();
        long usersAfterFirst = count("identity_user");
        long unitsAfterFirst = count("org_unit");
        demo.seed();
        assertThat(count("identity_user")).isEqualTo(usersAfterFirst);
        assertThat(count("org_unit")).isEqualTo(unitsAfterFirst);

        List<TeamView> repair = teams.repairTeams().stream()
                .filter(t -> List.of("城东维修班", "城西维修班", "城北维修班").contains(t.name())).toList();
        assertThat(repair).hasSize(3);
        assertThat(repair).flatExtracting(TeamView::serviceDistricts)
                .containsExactlyInAnyOrder("东城区", "西城区", "北城区", "南城区");
        assertThat(repair).extracting(TeamView::responsibleMobile)
                .containsExactlyInAnyOrder("13900000001", "13900000002", "13900000003");
        for (TeamView team : repair) {
            assertThat(users.ofTeam(team.id())).hasSize(3);
        }
        for (String name : List.of("leader", "qa", "manager", "agent1", "agent10", "repair1", "field6")) {
            assertThat(users.findByUsername(name)).as(name).isPresent();
        }
        assertThat(jdbc.sql("select sip_extension from identity_user where username like 'agent%' and sip_extension is not null order by 1")
                .query(String.class).list()).contains("8001", "8010");
        assertThat(users.withPermission(Permission.CALL_HANDLE)).extracting(UserView::username).contains("agent1", "agent10");
        mvc.perform(formLogin().user("agent1").password("rexian-demo")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("field1").password("rexian-demo")).andExpect(redirectedUrl("/"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
