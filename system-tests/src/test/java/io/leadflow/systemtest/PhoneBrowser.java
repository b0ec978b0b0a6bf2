package io.leadflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium, driven by Playwright (which never downloads a browser here), with phone-sized
 * pages: reps and managers look at Leadflow on the go. {@code .ci/run} installs Chromium;
 * elsewhere set {@code leadflow.chromium}.
 */
final class PhoneBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("leadflow.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private PhoneBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static PhoneBrowser open() {
        assertThat(CHROMIUM).as("Chromium for the browser tests (apt-get install chromium)").isExecutable();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new PhoneBrowser(playwright, browser);
    }

    Page newPage() {
        return browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
    }

    /** A full-page screenshot under system-tests/target/screenshots, for a person to look at. */
    static void screenshot(Page page, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
