package io.rexian.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.customer.internal.Customer;
import io.rexian.customer.internal.CustomerQuery;
import io.rexian.customer.internal.CustomerScope;
import io.rexian.customer.internal.CustomerSearch;
import io.rexian.identity.IdentityTest;
import io.rexian.identity.Permission;
import io.rexian.identity.TestUsers;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@IdentityTest
class CustomerSearchTests {

    @Autowired ApplicationContext context;
    @Autowired CustomerSearch search;
    @Autowired CustomerLookup lookup;
    @Autowired BillingGateway billing;
    @Autowired JdbcClient jdbc;

    CustomerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CustomerFixtures(context);
    }

    private List<String> names(CustomerQuery query) {
        return search.search(query, new CustomerScope.Visible(true, List.of()), 0, 50, 1000)
                .items().stream().map(Customer::name).toList();
    }

    @Test
    void findsByNamePrefixPhoneFragmentAccountAndIdNumber() {
        String account = CustomerFixtures.uniqueAccount("S");
        Customer c = fixtures.createWithAccount(account, "欧阳明月", "东城区", "13912340001", "010-66554433");
        assertThat(names(CustomerQuery.text("欧阳"))).contains("欧阳明月");
        assertThat(names(CustomerQuery.text("明月"))).doesNotContain("欧阳明月"); // two characters: prefix only
        assertThat(names(CustomerQuery.text("1234000"))).contains("欧阳明月");
        assertThat(names(CustomerQuery.text("66554433"))).contains("欧阳明月");
        assertThat(names(CustomerQuery.text(account))).containsExactly("欧阳明月");
        assertThat(names(new CustomerQuery(null, null, null, "+86 139 1234 0001", null, null, null, null, null,
                null, null, null, null, null))).contains("欧阳明月");
        assertThat(search.search(CustomerQuery.text("110101199001011234"), new CustomerScope.Visible(true, List.of()),
                0, 50, 1000).items()).extracting(Customer::id).contains(c.id());
    }

    @Test
    void pagesAreInAccountOrderWhetherTheResultIsSmallOrBeyondTheCountCap() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(fixtures.create("翻页客户" + i, "北城区").id());
        }
        CustomerScope.Visible all = new CustomerScope.Visible(true, List.of());
        CustomerSearch.Page small = search.search(CustomerQuery.text("翻页客户"), all, 1, 3, 1000);
        assertThat(small.items()).extracting(Customer::id).containsExactlyElementsOf(ids.subList(3, 6));
        assertThat(small.total()).isEqualTo(7);
        assertThat(small.capped()).isFalse();
        CustomerSearch.Page broad = search.search(CustomerQuery.text("翻页客户"), all, 2, 3, 5);
        assertThat(broad.items()).extracting(Customer::id).containsExactly(ids.get(6));
        assertThat(broad.capped()).isTrue();
        assertThat(broad.total()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "%", "_", "\\", ";", "--", "' OR '1'='1", "100%_\\x'; DROP TABLE customer; --"})
    void sqlAndLikeMetacharactersMatchLiterally(String term) {
        String name = "特殊" + term + "客户";
        fixtures.create(name, "西城区", "13800000009");
        fixtures.create("特殊普通客户X", "西城区");
        assertThat(names(CustomerQuery.text(name))).containsExactly(name);
        assertThat(names(CustomerQuery.text("特殊" + term))).contains(name).doesNotContain("特殊普通客户X");
        assertThat(jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single()).isPositive();
    }

    @Test
    void scopeLimitsResultsToTheTeamsDistricts() {
        fixtures.create("范围东城", "东城区");
        fixtures.create("范围西城", "西城区");
        TestUsers users = TestUsers.from(context);
        long team = users.repairTeam(TestUsers.unique("东城班"), "东城区");
        var worker = users.withRoles(TestUsers.unique("worker"), team, "FIELD_WORKER");
        var visible = context.getBean(CustomerScope.class).of(worker);
        List<String> found = search.search(CustomerQuery.text("范围"), visible, 0, 50, 1000).items().stream()
                .map(Customer::name).toList();
        assertThat(found).contains("范围东城").doesNotContain("范围西城");
    }

    @Test
    void callerLookupAcceptsCountryCodeAndTrunkPrefixVariants() {
        fixtures.create("来电张三", "南城区", "13700001111");
        for (String variant : List.of("13700001111", "+8613700001111", "008613700001111", "8613700001111",
                "013700001111", "137-0000-1111", "+86 137 0000 1111")) {
            assertThat(lookup.byPhone(variant)).as(variant).extracting(CustomerSummary::name).containsExactly("来电张三");
        }
        assertThat(lookup.byPhone("1370000111")).isEmpty();
        assertThat(lookup.byPhone(null)).isEmpty();
    }

    @Test
    void callerLookupSeesANumberAddedAfterAnEarlierMiss() {
        assertThat(lookup.byPhone("13655554444")).isEmpty();
        fixtures.create("新号码", "北城区", "13655554444");
        assertThat(lookup.byPhone("+86 136 5555 4444")).extracting(CustomerSummary::name).containsExactly("新号码");
    }

    @Test
    void builtInBillingReportsBalanceArrearsBillsAndPayments() {
        String account = CustomerFixtures.uniqueAccount("B");
        jdbc.sql("INSERT INTO billing_account (account_no, balance, updated_at) VALUES (?, 12.50, now())").param(account).update();
        jdbc.sql("INSERT INTO billing_bill (account_no, period, amount, paid) VALUES (?, '2025-11', 2400, 2400), (?, '2025-12', 2400, 1000)")
                .params(account, account).update();
        jdbc.sql("INSERT INTO billing_payment (account_no, paid_at, amount, channel) VALUES (?, now(), 1000, '微信')").param(account).update();

        BillingGateway.AccountStatement statement = billing.statement(account).orElseThrow();
        assertThat(statement.balance()).isEqualByComparingTo("12.50");
        assertThat(statement.arrears()).isEqualByComparingTo("1400");
        assertThat(statement.unpaidBills()).isEqualTo(1);
        assertThat(statement.inArrears()).isTrue();
        assertThat(billing.bills(account, 10)).extracting(BillingGateway.Bill::period).containsExactly("2025-12", "2025-11");
        assertThat(billing.bills(account, 10).getFirst().outstanding()).isEqualByComparingTo(new BigDecimal("1400"));
        assertThat(billing.payments(account, 10)).extracting(BillingGateway.Payment::channel).containsExactly("微信");
        assertThat(billing.statement("NO-SUCH-ACCOUNT")).isEmpty();
    }

    @Test
    void customFieldValuesAreSearchable() {
        var admin = context.getBean(io.rexian.customer.internal.CustomerCatalogAdmin.class);
        admin.saveField(fixtures.admin(), "heating_type", "采暖方式", "CHOICE", "地暖,暖气片", false, 1);
        var form = CustomerFixtures.form(CustomerFixtures.uniqueAccount("F"), "地暖用户", "东城区");
        form.getCustomFields().put("heating_type", "地暖");
        context.getBean(io.rexian.customer.internal.CustomerService.class).create(fixtures.admin(), form);
        assertThat(names(new CustomerQuery(null, null, null, null, null, null, null, null, null, null, null, null,
                "heating_type", "地暖"))).contains("地暖用户");
        admin.deleteField(fixtures.admin(), "heating_type");
        assertThat(Permission.values()).isNotEmpty();
    }
}
