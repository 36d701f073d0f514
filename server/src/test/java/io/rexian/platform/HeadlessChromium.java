package io.rexian.platform;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver for page tests, headless and without background traffic.
 * A test using it is skipped, with a message saying what to install, where they are missing
 * (CI installs them).
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A desktop window, 1280 × 900. */
    public static WebDriver desktop() {
        return start(options().addArguments("--window-size=1280,900"));
    }

    /**
     * A phone's viewport (375 × 812 CSS pixels, pixel ratio 2). Headless windows are at least
     * 500 px wide, so the phone comes from device emulation, not from the window size.
     */
    public static WebDriver phone() {
        ChromeOptions options = options().addArguments("--window-size=500,900");
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 375, "height", 812, "pixelRatio", 2.0)));
        return start(options);
    }

    /** A bare window whose size the test sets itself. */
    public static WebDriver window() {
        return start(options());
    }

    private static ChromeOptions options() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        return options;
    }

    private static WebDriver start(ChromeOptions options) {
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
    }
}
