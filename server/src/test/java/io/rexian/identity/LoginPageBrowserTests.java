package io.rexian.identity;

import io.rexian.platform.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/** Signing in with a real browser on a phone-sized window, in Chinese by default. */
@IdentityTest
class LoginPageBrowserTests {

    @Value("${local.server.port}") int port;
    @Autowired ApplicationContext context;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.window();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWrongPasswordIsExplainedAndTheRightOneOpensTheWorkbenchWithTheUsersName() {
        String username = TestUsers.unique("agent");
        TestUsers.from(context).withRoles(username, null, "AGENT");

        browser.get("http://127.0.0.1:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn(username, "wrong-password");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.findElement(By.cssSelector(".alert.error")).getText()).isEqualTo("用户名或密码错误。");

        signIn(username, TestUsers.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        // Back to the page first asked for (Spring Security marks it with "?continue").
        assertThat(browser.getCurrentUrl()).matches("http://127\\.0\\.0\\.1:\\d+/(\\?continue)?");
        assertThat(browser.findElement(By.cssSelector(".usermenu .me")).getAttribute("textContent")).isEqualTo(username);
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }
}
