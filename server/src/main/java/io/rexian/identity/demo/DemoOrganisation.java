package io.rexian.identity.demo;

import io.rexian.identity.TeamView.TeamKind;
import io.rexian.identity.account.BuiltInRole;
import io.rexian.identity.account.RoleAdministration;
import io.rexian.identity.account.UserAccount;
import io.rexian.identity.account.UserAccounts;
import io.rexian.identity.account.UserAdministration;
import io.rexian.identity.account.UserProfile;
import io.rexian.identity.org.OrgAdministration;
import io.rexian.identity.org.OrgUnit;
import io.rexian.identity.org.OrgUnits;
import io.rexian.platform.PlatformSettings;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode ({@code rexian.demo=true}): the heating company 滨江热力集团 with its hotline,
 * three repair teams serving 东城区/西城区/北城区/南城区 and demo users, all with the password
 * {@value #PASSWORD}. Creates only what is missing, so restarts do not duplicate anything.
 */
@Component
@Order(100)
class DemoOrganisation implements ApplicationRunner {

    static final String PASSWORD = "rexian-demo";
    static final String COMPANY = "滨江热力集团";

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private record RepairTeam(String name, List<String> districts, String lead, String leadName, String[] fieldNames) {
    }

    private static final List<RepairTeam> REPAIR_TEAMS = List.of(
            new RepairTeam("城东维修班", List.of("东城区", "南城区"), "repair1", "赵建国", new String[] {"钱志强", "孙海涛"}),
            new RepairTeam("城西维修班", List.of("西城区"), "repair2", "李卫东", new String[] {"周永刚", "吴振华"}),
            new RepairTeam("城北维修班", List.of("北城区"), "repair3", "郑国庆", new String[] {"冯建军", "陈宝林"}));

    private static final String[] AGENT_NAMES = {"王芳", "李娜", "张静", "刘敏", "陈丽", "杨洋", "黄婷", "赵雪", "周琳", "吴倩"};

    private final PlatformSettings platform;
    private final RoleAdministration roles;
    private final UserAdministration users;
    private final UserAccounts accounts;
    private final OrgAdministration org;
    private final OrgUnits units;

    DemoOrganisation(PlatformSettings platform, RoleAdministration roles, UserAdministration users,
                     UserAccounts accounts, OrgAdministration org, OrgUnits units) {
        this.platform = platform;
        this.roles = roles;
        this.users = users;
        this.accounts = accounts;
        this.org = org;
        this.units = units;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (platform.demo()) {
            seed();
            log.info("Demo organisation {} ready; demo users sign in with password '{}'", COMPANY, PASSWORD);
        }
    }

    @Transactional
    void seed() {
        roles.ensureBuiltInRoles();
        long company = units.findFirstByTypeAndName(OrgUnit.Type.COMPANY, COMPANY)
                .orElseGet(() -> org.createCompany(COMPANY)).id();
        long service = unit(company, "客服中心", null);
        long operations = unit(company, "运维部", null);
        long management = unit(company, "管理层", null);
        long hotline = unit(service, "热线班", TeamKind.HOTLINE);
        long office = unit(management, "综合管理组", TeamKind.MANAGEMENT);

        user("admin", "系统管理员", "13800000000", office, null, BuiltInRole.ADMIN);
        user("manager", "刘总", "13800000001", office, null, BuiltInRole.MANAGER);
        user("leader", "马班长", "13800000002", hotline, null, BuiltInRole.TEAM_LEADER);
        user("qa", "何质检", "13800000003", hotline, null, BuiltInRole.QA);
        for (int i = 1; i <= 10; i++) {
            user("agent" + i, AGENT_NAMES[i - 1], String.format("138000001%02d", i), hotline, String.valueOf(8000 + i),
                    BuiltInRole.AGENT);
        }
        int field = 1;
        for (int t = 0; t < REPAIR_TEAMS.size(); t++) {
            RepairTeam spec = REPAIR_TEAMS.get(t);
            long team = unit(operations, spec.name(), TeamKind.REPAIR);
            UserAccount lead = user(spec.lead(), spec.leadName(), "1390000000" + (t + 1), team, null, BuiltInRole.REPAIR_LEAD);
            for (String name : spec.fieldNames()) {
                user("field" + field, name, String.format("139000001%02d", field), team, null, BuiltInRole.FIELD_WORKER);
                field++;
            }
            OrgUnit unit = org.load(team);
            if (unit.responsibleUserId() == null || unit.serviceDistricts().isEmpty()) {
                org.configureTeam(team, TeamKind.REPAIR, lead.id(), spec.districts());
            }
        }
    }

    private long unit(long parentId, String name, TeamKind kind) {
        return units.findByParentIdAndName(parentId, name)
                .orElseGet(() -> kind == null ? org.createDepartment(parentId, name) : org.createTeam(parentId, name, kind))
                .id();
    }

    private UserAccount user(String username, String displayName, String mobile, long teamId, String extension,
                             BuiltInRole role) {
        return accounts.findByUsername(username).orElseGet(() -> users.create(username, PASSWORD, false,
                new UserProfile(displayName, mobile, null, teamId, extension, Set.of(role.name()))));
    }
}
