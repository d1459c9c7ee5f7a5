package com.calliyo.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a user sees, found the way assistive technology finds it: by role and accessible name (the browser's own
 * computed name, through WebDriver), never by CSS paths. Every lookup waits a little, since pages and htmx swaps
 * arrive asynchronously.
 */
final class Screen {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final String baseUrl;

    Screen(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    WebElement button(String name) {
        return named("button, input[type=submit]", name);
    }

    WebElement link(String name) {
        return named("a[href]", name);
    }

    WebElement field(String label) {
        return named("input, select, textarea", label);
    }

    WebElement heading(String name) {
        return named("h1, h2, h3, h4, h5, h6", name);
    }

    void click(String buttonOrLink) {
        // In the middle of the window at once: a click near an edge may land on a sticky bar or on a neighbour that
        // a swap just moved. Another element in the way is retried briefly, as a person would click again; an
        // element that a swap (htmx, live updates) replaced meanwhile is looked up again.
        for (int attempt = 1; ; attempt++) {
            WebElement target = await(() -> first("button, input[type=submit], a[href]", buttonOrLink),
                    "a button or link named \"" + buttonOrLink + "\"");
            try {
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'})",
                        target);
                target.click();
                return;
            } catch (org.openqa.selenium.ElementClickInterceptedException | StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    void type(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
    }

    /** Ticks a radio button or checkbox by its label. */
    void check(String label) {
        WebElement box = named("input[type=radio], input[type=checkbox]", label);
        if (!box.isSelected()) {
            box.click();
        }
    }

    void choose(String label, String option) {
        new Select(field(label)).selectByVisibleText(option);
    }

    boolean hasLink(String name) {
        return first("a[href]", name) != null;
    }

    /** The first element with role {@code alert} that has text, once one appears. */
    String alert() {
        return await(() -> driver.findElements(By.cssSelector("[role=alert]")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank())
                .findFirst().orElse(null), "an alert");
    }

    /** The page's visible text. A page replaced between finding its body and reading it is read again: ChromeDriver
     * reports that either as a stale element or, mid-navigation, as a node that "does not belong to the document". */
    String text() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (WebDriverException e) {
                if (attempt == 5 || !replacedMeanwhile(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean replacedMeanwhile(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** Waits until the page's visible text contains {@code expected}, reloading if asked to (read models lag). */
    void awaitText(String expected, boolean reload) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500))
                // Pages replace their own parts (htmx, live updates) and navigate: an element read a moment ago
                // may be gone; look again on the next poll.
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "text \"" + expected + "\" on " + driver.getCurrentUrl() + ":\n" + text())
                .until(d -> {
                    if (text().contains(expected)) {
                        return true;
                    }
                    if (reload) {
                        d.navigate().refresh();
                    }
                    return false;
                });
    }

    long scrollWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth")).longValue();
    }

    private WebElement named(String css, String name) {
        return await(() -> first(css, name), "an element (" + css + ") named \"" + name + "\"");
    }

    private WebElement first(String css, String name) {
        List<WebElement> candidates = driver.findElements(By.cssSelector(css));
        for (WebElement candidate : candidates) {
            try {
                if (candidate.isDisplayed() && name.equals(Objects.toString(candidate.getAccessibleName(), "").trim())) {
                    return candidate;
                }
            } catch (WebDriverException e) {
                if (!replacedMeanwhile(e)) {
                    throw e;
                }
                // htmx replaced it while we looked; the next round finds the new one.
            }
        }
        return null;
    }

    private <T> T await(Supplier<T> lookup, String what) {
        return new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> what + " on " + driver.getCurrentUrl() + ":\n" + text())
                .until(d -> lookup.get());
    }
}
