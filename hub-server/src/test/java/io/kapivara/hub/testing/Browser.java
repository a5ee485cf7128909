package io.kapivara.hub.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium, for tests of the dashboard. It uses the system's
 * chromium and chromedriver ({@code hub.test.chromium} and {@code hub.test.chromedriver} name
 * others), a fresh profile each time, and never downloads a driver.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Opens a browser window of 1280 by 800 pixels on the hub at {@code port}. */
    public static Browser open(int port) {
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("hub.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("hub.test.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        Browser browser = new Browser(new ChromeDriver(service, options), profile, "http://127.0.0.1:" + port);
        browser.viewport(1280, 800);
        return browser;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads a page of the hub, e.g. {@code /owners}. */
    public void get(String path) {
        driver.get(base + path);
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Waits until the element's visible text contains {@code text}, and returns that text. */
    public String waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by).getText();
    }

    /** The visible text of the whole page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Alert alert() {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent());
    }

    public Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    public void hover(By by) {
        new Actions(driver).moveToElement(driver.findElement(by)).perform();
    }

    /** Sizes the window so that the page itself gets {@code width} by {@code height} pixels. */
    public void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerWidth = ((Number) script("return window.innerWidth")).longValue();
        long innerHeight = ((Number) script("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension((int) (2L * width - innerWidth),
                (int) (2L * height - innerHeight)));
    }

    /** Saves what the window shows as a PNG. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's errors since the last call, such as blocked scripts or styles. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("hub-test-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
