package io.rexian.workorder;

import io.rexian.platform.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In demo mode: agent1 registers a repair and transfers it to 城东维修班; its lead repair1, on a
 * 375x812 phone window, accepts it, reports that he is on site and replies. The administrator
 * edits a workflow with the form editor's row buttons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rexian.demo=true", "rexian.identity.initial-admin-password=", "rexian.workorder.scan-interval=1000h"})
class WorkOrderBrowserTests {

    static final String DEMO_PASSWORD = "rexian-demo";

    @Value("${local.server.port}")
    int port;

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Workflows workflows;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.desktop();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void agentRegistersAndTransfersFieldLeadRepliesOnHisPhone() throws Exception {
        String base = "http://127.0.0.1:" + port;
        signIn(base, "agent1");
        browser.get(base + "/work-orders/new");
        new Select(browser.findElement(By.name("typeCode"))).selectByValue("REPAIR");
        browser.findElement(By.name("contactPhone")).sendKeys("13611112222");
        browser.findElement(By.name("customerName")).sendKeys("浏览器测试居民");
        browser.findElement(By.name("address")).sendKeys("东城区浏览器路1号2单元301");
        browser.findElement(By.id("category-search")).sendKeys("暖气漏水");
        browser.findElement(By.name("description")).sendKeys("卧室暖气片接口漏水");
        new Select(browser.findElement(By.name("teamId"))).selectByVisibleText("城东维修班");
        browser.findElement(By.name("reason")).sendKeys("东城区辖区");
        browser.findElement(By.cssSelector("#register button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/work-orders/\\d+$"));
        String number = browser.findElement(By.cssSelector("h1 span")).getText();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/workorder-desktop.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        assertThat(browser.getPageSource()).contains("已转办").contains("城东维修班").contains("暖气漏水");

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn(base, "repair1");
        browser.get(base + "/m/work-orders");
        browser.findElement(By.xpath("//a[contains(@class,'wo-card')][.//strong[text()='" + number + "']]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("accept"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "已接单"));
        new Select(browser.findElement(By.id("progress-step"))).selectByValue("ON_SITE");
        browser.findElement(By.id("progress")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "进度已记录"));
        browser.findElement(By.id("reply-note")).sendKeys("更换接口垫片，已不漏水");
        browser.findElement(By.id("reply")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "已回复"));
        assertThat(browser.findElement(By.cssSelector("h1 .badge")).getText()).isEqualTo("已回复");
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("workorder-mobile.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        // the phone page fits the screen: nothing to scroll sideways
        Number width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(375);
    }

    @Test
    void demoDataIsSeededOnceWithWorkOrdersInEveryState() throws Exception {
        int before = jdbc.sql("select count(*) from work_order where created_by like 'agent%' and description like '%请尽快处理'")
                .query(Integer.class).single();
        assertThat(before).isEqualTo(300);
        assertThat(jdbc.sql("select count(distinct state) from work_order").query(Integer.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from wo_category where name = '管道爆裂'").query(Integer.class).single()).isEqualTo(1);
        context.getBean(WorkOrderDemoData.class).run(null);
        assertThat(jdbc.sql("select count(*) from work_order where description like '%请尽快处理'").query(Integer.class).single())
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from wo_category where name = '管道爆裂'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    /** The workflow editor's add/remove row buttons on a laptop window; the type is made for this test. */
    void administratorAddsAStateAndATransitionWithTheRowButtons() throws Exception {
        String type = TestUsers.unique("BROWSER").toUpperCase();
        CurrentUser setup = TestUsers.from(context).withRoles(TestUsers.unique("admin"), null, "ADMIN");
        jdbc.sql("insert into wo_type (code, name_zh, name_en) values (?, '浏览器测试', 'Browser test')").param(type).update();
        workflows.save(type, DefaultWorkflows.direct(), setup);

        String base = "http://127.0.0.1:" + port;
        signIn(base, "admin");
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

    private void signIn(String base, String username) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
