package io.rexian.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo administrator adds a state and a transition in the workflow editor with the add-row
 * buttons, removes a row again and saves a new version, on a laptop-sized window. Same context
 * as {@link WorkOrderBrowserTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rexian.demo=true", "rexian.identity.initial-admin-password=", "rexian.workorder.scan-interval=1000h"})
class WorkOrderAdminBrowserTests {

    @Value("${local.server.port}")
    int port;

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Workflows workflows;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,768");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void administratorAddsAStateAndATransitionWithTheRowButtons() throws Exception {
        String type = TestUsers.unique("BROWSER").toUpperCase();
        CurrentUser setup = TestUsers.from(context).withRoles(TestUsers.unique("admin"), null, "ADMIN");
        jdbc.sql("insert into wo_type (code, name_zh, name_en) values (?, '浏览器测试', 'Browser test')").param(type).update();
        workflows.save(type, DefaultWorkflows.direct(), setup);

        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(WorkOrderBrowserTests.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(base + "/work-orders/admin?type=" + type);

        browser.findElement(By.cssSelector("[data-add-row='wf-states']")).click();
        List<WebElement> codes = browser.findElements(By.cssSelector("#wf-states input.wf-code"));
        assertThat(codes).hasSize(3);
        codes.get(2).sendKeys("REVIEWED", Keys.TAB);

        browser.findElement(By.cssSelector("[data-add-row='wf-transitions']")).click();
        browser.findElement(By.cssSelector("[data-add-row='wf-transitions']")).click();
        List<WebElement> rows = browser.findElements(By.cssSelector("#wf-transitions tbody tr"));
        assertThat(rows).hasSize(4);
        rows.get(3).findElement(By.cssSelector("[data-remove-row]")).click();
        assertThat(browser.findElements(By.cssSelector("#wf-transitions tbody tr"))).hasSize(3);

        WebElement added = rows.get(2);
        new Select(added.findElement(By.name("transitions[2].action"))).selectByValue("TRANSFER");
        // the new state's code is offered in the from/to selects without reloading
        new Select(added.findElement(By.name("transitions[2].from"))).selectByValue("REGISTERED");
        new Select(added.findElement(By.name("transitions[2].to"))).selectByValue("REVIEWED");
        new Select(added.findElement(By.name("transitions[2].permission"))).selectByValue("WORKORDER_TRANSFER");
        added.findElement(By.cssSelector("input[name='transitions[2].required'][value='team']")).click();
        Files.write(Path.of("target", "workorder-admin-editor.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.cssSelector("#workflow form.wf-editor button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "已保存 2"));
        WorkflowDefinition saved = workflows.definition(workflows.current(type).id());
        assertThat(saved.states()).extracting(WorkflowDefinition.State::code).containsExactly("REGISTERED", "CLOSED", "REVIEWED");
        assertThat(saved.transition(WorkflowAction.TRANSFER, "REGISTERED")).get()
                .extracting(WorkflowDefinition.Transition::to, WorkflowDefinition.Transition::required)
                .containsExactly("REVIEWED", List.of("team"));
        assertThat(saved.transitions()).hasSize(3);
    }
}
