package io.rexian.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.rexian.customer.internal.Customer;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.IdentityTest;
import io.rexian.identity.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What each built-in role may do with customers, through the pages and the API, including
 * customers outside the team's districts for repair leads and field workers.
 */
@IdentityTest
class CustomerPermissionTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;

    CustomerFixtures fixtures;
    Customer inDistrict;
    Customer otherDistrict;

    @BeforeEach
    void setUp() {
        fixtures = new CustomerFixtures(context);
        inDistrict = fixtures.create("权限东城", "东城区", "13900001234");
        otherDistrict = fixtures.create("权限西城", "西城区", "13900005678");
    }

    private CurrentUser user(String role) {
        TestUsers users = TestUsers.from(context);
        long team = users.repairTeam(TestUsers.unique("东城维修班"), "东城区");
        return users.withRoles(TestUsers.unique(role.toLowerCase()), team, role);
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // role,        other team's rows, edit,  delete, import, export, unmasked ID
            "AGENT,         true,              true,  false,  false,  false,  false",
            "TEAM_LEADER,   true,              true,  false,  false,  true,   false",
            "QA,            true,              false, false,  false,  false,  false",
            "REPAIR_LEAD,   false,             false, false,  false,  false,  false",
            "FIELD_WORKER,  false,             false, false,  false,  false,  false",
            "MANAGER,       true,              false, false,  false,  false,  false",
            "ADMIN,         true,              true,  true,   true,   true,   true"})
    void roleMatrix(String role, boolean seesOtherDistricts, boolean edit, boolean delete, boolean importing,
                    boolean export, boolean unmasked) throws Exception {
        CurrentUser u = user(role);
        var as = TestUsers.as(u);

        // view and search: own district always, other districts only with CUSTOMER_VIEW_ALL
        assertThat(status(get("/customers/" + inDistrict.id()).with(as))).isEqualTo(200);
        assertThat(status(get("/customers/" + otherDistrict.id()).with(as))).isEqualTo(seesOtherDistricts ? 200 : 404);
        assertThat(status(get("/api/v1/customers/" + otherDistrict.id()).with(as))).isEqualTo(seesOtherDistricts ? 200 : 404);
        String list = mvc.perform(get("/customers").param("q", "权限").with(as)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("权限东城");
        assertThat(list.contains("权限西城")).isEqualTo(seesOtherDistricts);
        String api = mvc.perform(get("/api/v1/customers").param("q", "权限").with(as)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(api.contains("权限西城")).isEqualTo(seesOtherDistricts);
        String lookup = mvc.perform(get("/api/v1/customers/lookup").param("phone", "+8613900005678").with(as))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(lookup.contains("权限西城")).isEqualTo(seesOtherDistricts);

        // ID number masking
        String detail = mvc.perform(get("/customers/" + inDistrict.id()).with(as)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail.contains("110101199001011234")).isEqualTo(unmasked);
        assertThat(detail.contains("110***********1234")).isEqualTo(!unmasked);

        // edit (page form and API)
        int editPage = status(post("/customers/" + inDistrict.id()).with(as).with(csrf())
                .param("accountNo", inDistrict.accountNo()).param("name", "权限东城").param("customerClass", "RESIDENT")
                .param("district", "东城区").param("idNumber", "110***********1234"));
        assertThat(editPage).isEqualTo(edit ? 302 : 403);
        int editApi = status(put("/api/v1/customers/" + otherDistrict.id()).with(as).contentType(MediaType.APPLICATION_JSON)
                .content("{\"accountNo\":\"" + otherDistrict.accountNo() + "\",\"name\":\"权限西城\",\"customerClass\":\"RESIDENT\",\"district\":\"西城区\"}"));
        assertThat(editApi).isEqualTo(edit ? 200 : 403);

        // import and export
        assertThat(status(get("/customers/import").with(as))).isEqualTo(importing ? 200 : 403);
        MvcResult upload = mvc.perform(multipart("/customers/import").file(new MockMultipartFile("file", "x.csv",
                "text/csv", "户号,姓名,区\n".getBytes(StandardCharsets.UTF_8))).with(as).with(csrf())).andReturn();
        assertThat(upload.getResponse().getStatus()).isEqualTo(importing ? 200 : 403);
        assertThat(status(get("/customers/export").param("format", "csv").with(as))).isEqualTo(export ? 200 : 403);
        assertThat(status(get("/api/v1/customers/" + inDistrict.id() + "/billing").with(as))).isEqualTo(200);

        // delete last: the customer is gone afterwards
        assertThat(status(delete("/api/v1/customers/" + inDistrict.id()).with(as))).isEqualTo(delete ? 204 : 403);
        assertThat(status(get("/customers/" + inDistrict.id()).with(as))).isEqualTo(delete ? 404 : 200);
    }
}
