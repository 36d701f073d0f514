package io.rexian.customer;

import io.rexian.platform.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.customer.internal.Customer;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** An agent signs in, finds a customer with the live search, opens him and reads his details. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rexian.identity.initial-admin-password=")
class CustomerBrowserTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationContext context;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.desktop();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void agentSearchesOpensAndReadsACustomer() {
        Customer customer = new CustomerFixtures(context).create("浏览器测试张伟", "东城区", "13912345678");
        CurrentUser agent = TestUsers.from(context).withRoles(TestUsers.unique("agent"), null, "AGENT");
        String base = "http://127.0.0.1:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(agent.username());
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(base + "/customers");
        browser.findElement(By.id("q")).sendKeys("1391234567");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "浏览器测试张伟"));
        browser.findElement(By.linkText("浏览器测试张伟")).click();

        wait.until(ExpectedConditions.urlContains("/customers/" + customer.id()));
        assertThat(browser.findElement(By.id("customer-name")).getText()).isEqualTo("浏览器测试张伟");
        assertThat(browser.findElement(By.id("account-no")).getText()).isEqualTo(customer.accountNo());
        assertThat(browser.findElement(By.id("id-number")).getText()).isEqualTo("110***********1234");
        assertThat(browser.getPageSource()).contains("13912345678").contains("幸福家园");
    }
}
