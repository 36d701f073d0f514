package io.rexian.identity;

import io.rexian.identity.TeamView.TeamKind;
import io.rexian.identity.account.RoleAdministration;
import io.rexian.identity.account.UserAccount;
import io.rexian.identity.account.UserAccounts;
import io.rexian.identity.account.UserAdministration;
import io.rexian.identity.account.UserProfile;
import io.rexian.identity.org.OrgAdministration;
import io.rexian.identity.org.OrgUnit;
import io.rexian.identity.security.AccessTokens;
import io.rexian.identity.security.Principals;
import io.rexian.identity.security.RexianAuthentication;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test users, teams and sign-ins for integration tests of every module. Usage:
 * <pre>{@code
 * @Autowired ApplicationContext context;
 * TestUsers users = TestUsers.from(context);
 * long team = users.repairTeam("城东维修班", "东城区");                 // a REPAIR team serving 东城区
 * CurrentUser agent = users.withRoles("agent-x", null, "AGENT");      // built-in role codes:
 *     // AGENT, TEAM_LEADER, QA, REPAIR_LEAD, FIELD_WORKER, MANAGER, ADMIN
 * CurrentUser odd = users.withPermissions("odd", team, Permission.WORKORDER_VIEW); // exactly these
 * mockMvc.perform(get("/customers").with(TestUsers.as(agent)));            // web page as that user
 * mockMvc.perform(get("/api/v1/...").header("Authorization", users.bearer(agent))); // REST with a real token
 * }</pre>
 * Users get the password {@link #PASSWORD}. Usernames must be unique within one Spring
 * context (all tests sharing it), so add a suffix per test, e.g. {@link #unique(String)}.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password-1";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserAdministration users;
    private final UserAccounts accounts;
    private final RoleAdministration roles;
    private final OrgAdministration org;
    private final AccessTokens tokens;

    private TestUsers(ApplicationContext context) {
        this.users = context.getBean(UserAdministration.class);
        this.accounts = context.getBean(UserAccounts.class);
        this.roles = context.getBean(RoleAdministration.class);
        this.org = context.getBean(OrgAdministration.class);
        this.tokens = context.getBean(AccessTokens.class);
    }

    public static TestUsers from(ApplicationContext context) {
        return new TestUsers(context);
    }

    /** {@code prefix} plus "_t" and a number unique in this JVM (never a demo username such as agent1). */
    public static String unique(String prefix) {
        return prefix + "_t" + SEQUENCE.incrementAndGet();
    }

    /** A user holding the given roles (codes such as "AGENT"), optionally in a team. */
    public CurrentUser withRoles(String username, Long teamId, String... roleCodes) {
        UserAccount account = users.create(username, PASSWORD, false,
                new UserProfile(username, "1380000" + String.format("%04d", SEQUENCE.incrementAndGet() % 10000),
                        null, teamId, null, Set.of(roleCodes)));
        return user(account.id());
    }

    /** A user holding exactly these permissions (through a role made for him). */
    public CurrentUser withPermissions(String username, Long teamId, Permission... permissions) {
        String code = "TEST_" + SEQUENCE.incrementAndGet();
        roles.create(code, code, permissions.length == 0 ? EnumSet.noneOf(Permission.class)
                : EnumSet.copyOf(Arrays.asList(permissions)));
        return withRoles(username, teamId, code);
    }

    /** A REPAIR team (under a test company) serving the given districts. */
    public long repairTeam(String name, String... districts) {
        return team(name, TeamKind.REPAIR, districts);
    }

    public long team(String name, TeamKind kind, String... districts) {
        OrgUnit team = org.createTeam(testCompany(), name, kind);
        org.configureTeam(team.id(), kind, null, List.of(districts));
        return team.id();
    }

    /** Makes a user the responsible person of a team. */
    public void makeResponsible(long teamId, long userId) {
        OrgUnit team = org.load(teamId);
        org.configureTeam(teamId, team.teamKind(), userId, team.serviceDistricts());
    }

    /** The user as he is now in the database (permissions from his roles). */
    public CurrentUser user(long userId) {
        return Principals.currentUser(accounts.findById(userId).orElseThrow());
    }

    /** An {@code Authorization} header value with a fresh bearer token of the user. */
    public String bearer(CurrentUser user) {
        return "Bearer " + tokens.issue(user.id()).token();
    }

    /** Authenticates a MockMvc request (web page or API) as this user. */
    public static RequestPostProcessor as(CurrentUser user) {
        return SecurityMockMvcRequestPostProcessors.authentication(
                RexianAuthentication.of(user, List.of(), RexianAuthentication.Via.SESSION));
    }

    private long testCompany() {
        return org.all().stream().filter(u -> u.type() == OrgUnit.Type.COMPANY && u.name().equals("Test company"))
                .findFirst().map(OrgUnit::id)
                .orElseGet(() -> org.createCompany("Test company").id());
    }
}
