package dev.backprop.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them):
 * type a script, press Run, see the output and a chart; press Stop on a loop.
 */
class PlaygroundBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static ServerProcess server;
    private static Path profile;
    private static WebDriver browser;

    @BeforeAll
    static void open() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "the browser test needs Chromium and"
                + " its driver (" + CHROMIUM + ", " + DRIVER + "): apt-get install chromium chromium-driver;"
                + " skipped because they are not installed");
        server = ServerProcess.get();
        profile = Files.createTempDirectory("playground-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @Test
    void typeAScriptPressRunAndSeeTheOutputAndAChart() {
        load();
        type("#code", """
                const net = nn.toy();
                print('y-hat', net.forward([0.5, 0.9])[0].toFixed(3));
                plot.save(plot.line([3, 1, 2], { title: 'three points' }), 'points.svg');
                """);
        browser.findElement(By.id("run")).click();
        String kind = waitForEnd();
        assertEquals("ok", kind, browser.findElement(By.id("status")).getText());
        assertEquals("y-hat 0.762", browser.findElement(By.id("output")).getText().strip());
        List<WebElement> charts = browser.findElements(By.cssSelector("#charts img"));
        assertEquals(1, charts.size());
        assertEquals("points.svg", charts.get(0).getAttribute("alt"));
        // the browser decoded the SVG (JFreeSVG draws it 800 wide); a broken image has natural width 0
        Number width = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            Object w = ((JavascriptExecutor) d).executeScript(
                    "const i = document.querySelector('#charts img'); return i.complete ? i.naturalWidth : null;");
            return (Number) w;
        });
        assertEquals(800, width.intValue());
    }

    @Test
    void anErrorShowsItsNameAndLine() {
        load();
        type("#code", "const a = 1;\nnull.x;\n");
        browser.findElement(By.id("run")).click();
        assertEquals("error", waitForEnd());
        String error = browser.findElement(By.id("error")).getText();
        assertTrue(error.startsWith("TypeError: ") && error.contains("(line 2, column 1)"), error);
    }

    @Test
    void stopEndsALoop() {
        load();
        type("#time-limit", ServerProcess.MAX_TIME);
        type("#code", "while (true) {}\n");
        browser.findElement(By.id("run")).click();
        WebElement stop = browser.findElement(By.id("stop"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> stop.isEnabled());
        stop.click();
        // without Stop the server's time limit would end it as "limit"
        assertEquals("interrupted", waitForEnd(), browser.findElement(By.id("status")).getText());
    }

    private void load() {
        browser.get(server.base.toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElement(By.id("runtime")).getText().equals("…"));
    }

    private void type(String css, String text) {
        WebElement e = browser.findElement(By.cssSelector(css));
        e.clear();
        e.sendKeys(text);
    }

    /** Waits until the status shows a finished run and returns its kind. */
    private String waitForEnd() {
        return new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> {
            String kind = d.findElement(By.id("status")).getAttribute("data-kind");
            return kind.equals("running") || kind.isEmpty() ? null : kind;
        });
    }
}
