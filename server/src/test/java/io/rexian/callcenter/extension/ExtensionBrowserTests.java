package io.rexian.callcenter.extension;

import io.rexian.platform.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.IdentityTest;
import io.rexian.identity.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/** An administrator on a phone (375 px wide) creates an extension and reads its one-time password. */
@IdentityTest
class ExtensionBrowserTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationContext context;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.phone();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void createsAnExtensionAtPhoneWidth() {
        CurrentUser admin = TestUsers.from(context).withRoles(TestUsers.unique("admin"), null, "ADMIN");
        String base = "http://127.0.0.1:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(admin.username());
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(base + "/callcenter/extensions");
        assertThat(innerWidth()).isLessThanOrEqualTo(400);
        assertNoSidewaysScrolling();
        String number = ExtensionPagesTests.newNumber();
        browser.findElement(By.id("number")).sendKeys(number);
        browser.findElement(By.cssSelector("#new-extension button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/callcenter/extensions/" + number));
        String secret = browser.findElement(By.id("secret")).getText();
        assertThat(secret).hasSize(16);
        assertThat(browser.findElement(By.cssSelector("[data-copy=secret]")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".softphone")).getText()).contains(number).contains(secret);
        assertNoSidewaysScrolling();
    }

    private long innerWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
    }

    private void assertNoSidewaysScrolling() {
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("page wider than the phone on " + browser.getCurrentUrl()).isLessThanOrEqualTo(0);
    }
}
