package io.leadflow.systemtest;

import static io.leadflow.systemtest.RunningLeadflow.postLead;
import static io.leadflow.systemtest.RunningLeadflow.sourceKey;
import static io.leadflow.systemtest.RunningLeadflow.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.leadflow.localstack.LeadflowService;

/** The ops board in a real browser ({@link PhoneBrowser}). */
@ExtendWith(RunningLeadflow.class)
class OpsBoardBrowserIT {

    private static final Duration BOARD_REFRESH_BOUND = Duration.ofSeconds(15);

    @Test
    void shouldCountAPostedLeadOnTheOpsBoardWithoutAReload() throws Exception {
        try (PhoneBrowser browser = PhoneBrowser.open()) {
            Page page = browser.newPage();
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

            PhoneBrowser.screenshot(page, "ops-board");
        }
    }
}
