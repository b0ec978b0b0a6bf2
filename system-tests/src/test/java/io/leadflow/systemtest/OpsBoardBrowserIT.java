package io.leadflow.systemtest;

import static io.leadflow.systemtest.RunningLeadflow.postLead;
import static io.leadflow.systemtest.RunningLeadflow.sourceKey;
import static io.leadflow.systemtest.RunningLeadflow.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import io.leadflow.localstack.LeadflowService;

/**
 * The ops board in a real browser: Debian's Chromium, driven by Playwright (which never downloads
 * a browser here). {@code .ci/run} installs Chromium; elsewhere set {@code leadflow.chromium}.
 */
@ExtendWith(RunningLeadflow.class)
class OpsBoardBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("leadflow.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration BOARD_REFRESH_BOUND = Duration.ofSeconds(15);

    @Test
    void shouldCountAPostedLeadOnTheOpsBoardWithoutAReload() throws Exception {
        assertThat(CHROMIUM).as("Chromium for the browser tests (apt-get install chromium)").isExecutable();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            // a phone-sized screen, as ops and managers look at it on the go
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
            page.navigate(stack().serviceUrl(LeadflowService.CADENCE_ENGINE) + "/ops/");
            page.getByLabel("Ops or manager token").fill(stack().opsToken());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the board")).click();

            Locator leadsReceived = page.locator("#leads-received");
            await().atMost(BOARD_REFRESH_BOUND).until(() -> leadsReceived.textContent().matches("\\d+"));
            long before = Long.parseLong(leadsReceived.textContent());
            page.evaluate("window.leadflowNoReloadMarker = true");

            TestLead lead = TestLead.withSmsConsent("Board", true);
            assertThat(postLead(lead.json(), sourceKey()).statusCode()).isEqualTo(202);

            await().atMost(BOARD_REFRESH_BOUND).until(() -> Long.parseLong(leadsReceived.textContent()) > before);
            assertThat(Long.parseLong(leadsReceived.textContent())).isEqualTo(before + 1);
            assertThat(page.evaluate("window.leadflowNoReloadMarker")).as("the page was not reloaded").isEqualTo(true);
            assertThat(page.locator("#per-source tbody").textContent()).contains("demo-web");
            assertThat(page.locator("#dlq tbody").textContent()).contains("leads.received.dlq");

            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ops-board.png")).setFullPage(true));
        }
    }
}
