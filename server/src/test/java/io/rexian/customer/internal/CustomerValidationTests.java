package io.rexian.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerValidationTests {

    private final CustomerValidation validation = new CustomerValidation(List.of("RESIDENT", "VIP"), List.of(
            new CustomFieldDefinition("heating", "采暖方式", CustomFieldDefinition.Type.CHOICE, List.of("地暖", "暖气片"), false, 1),
            new CustomFieldDefinition("since", "入住日期", CustomFieldDefinition.Type.DATE, List.of(), true, 2)));

    private CustomerForm form() {
        CustomerForm f = new CustomerForm();
        f.setAccountNo("A-1");
        f.setName(" 张三 ");
        f.setCustomerClass("vip");
        f.setPhones(new ArrayList<>(List.of("+86 138 1234 5678", "13812345678", " ")));
        f.setIdNumber("11010119900101123x");
        f.setBankAccount("6222 0202 0011 2233");
        f.getCustomFields().put("since", "2020/5/06".replace("/5/", "-05-").replace("/", "-"));
        return f;
    }

    @Test
    void normalizesAGoodCustomer() {
        List<FieldProblem> problems = new ArrayList<>();
        CustomerData d = validation.validate(form(), problems);
        assertThat(problems).isEmpty();
        assertThat(d.name()).isEqualTo("张三");
        assertThat(d.customerClass()).isEqualTo("VIP");
        assertThat(d.phones()).containsExactly("13812345678");
        assertThat(d.idNumber()).isEqualTo("11010119900101123X");
        assertThat(d.bankAccount()).isEqualTo("6222020200112233");
        assertThat(d.customFields()).containsEntry("since", "2020-05-06");
    }

    @Test
    void namesEveryBadField() {
        CustomerForm f = form();
        f.setAccountNo("A 1");
        f.setName("");
        f.setCustomerClass("ALIEN");
        f.setIdNumber("12345");
        f.setHeatedArea("-1");
        f.setBankAccount("abc");
        f.getCustomFields().put("heating", "火炕");
        f.getCustomFields().remove("since");
        List<FieldProblem> problems = new ArrayList<>();
        validation.validate(f, problems);
        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder("accountNo", "name",
                "customerClass", "idNumber", "heatedArea", "bankAccount", "customFields[heating]", "customFields[since]");
    }

    @Test
    void maskedIdAndBankNumbersMeanKeepTheStoredOnes() {
        CustomerForm f = form();
        f.setIdNumber("110***********1234");
        f.setBankAccount("622************2233");
        List<FieldProblem> problems = new ArrayList<>();
        CustomerData d = validation.validate(f, problems);
        assertThat(problems).isEmpty();
        assertThat(d.keepIdNumber()).isTrue();
        assertThat(d.keepBankAccount()).isTrue();
        assertThat(Masking.mask("110101199001011234")).isEqualTo("110***********1234");
        assertThat(Masking.mask("6222020200112233")).isEqualTo("622*********2233");
    }
}
