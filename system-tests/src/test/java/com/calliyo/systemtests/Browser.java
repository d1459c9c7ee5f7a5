package com.calliyo.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven through its own ChromeDriver: both paths are given, so Selenium Manager never
 * looks for (or downloads) a browser or a driver. A fresh profile per browser, so two browsers are two users.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("calliyo.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("calliyo.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = RepoRoot.find().resolve("system-tests/target/screenshots");

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(360, 780);

    private final ChromeDriver driver;
    private final Path profile;
    private final Screen screen;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.screen = new Screen(driver, baseUrl);
    }

    /** Skips the calling test (a JUnit assumption) only where no Chromium is installed at all. */
    static Browser open(String baseUrl, Dimension size) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No Chromium at " + CHROMIUM + " with " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        // Belt and braces: Selenium Manager stays offline even if something asks it.
        System.setProperty("SE_OFFLINE", "true");
        Path profile;
        try {
            profile = Files.createTempDirectory("calliyo-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                        // Bootstrap scrolls smoothly unless reduced motion is asked for: a click would land on an
                        // element that is still moving ("element click intercepted").
                        "--force-prefers-reduced-motion",
                        "--window-size=" + size.width + "," + size.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(size);
        return new Browser(driver, profile, baseUrl);
    }

    Screen screen() {
        return screen;
    }

    ChromeDriver driver() {
        return driver;
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Writes {@code target/screenshots/<name>.png} and returns it. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same page at desktop and at phone width, as two screenshots. */
    void screenshots(String name) {
        screenshot(name + "-desktop");
        resize(PHONE);
        screenshot(name + "-phone");
        resize(DESKTOP);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A temporary profile left behind costs only disk space.
            }
        }
    }
}
