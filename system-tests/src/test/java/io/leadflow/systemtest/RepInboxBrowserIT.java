package io.leadflow.systemtest;

import static io.leadflow.systemtest.RunningLeadflow.postLead;
import static io.leadflow.systemtest.RunningLeadflow.sourceKey;
import static io.leadflow.systemtest.RunningLeadflow.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;

/**
 * A rep's morning, in a real browser ({@link PhoneBrowser}): sign in to the inbox, see a new lead
 * arrive live while the page stays open, claim it with one tap, log how the call went and see it
 * in the timeline; another rep cannot open that lead.
 */
@ExtendWith(RunningLeadflow.class)
class RepInboxBrowserIT {

    private static final Duration LIVE_BOUND = Duration.ofSeconds(10);
    /** Records the inbox's alerts: the beep's oscillator starting, and each browser notification. */
    private static final String ALERT_SPIES = """
            window.leadflowAlerts = [];
            const RealNotification = window.Notification;
            window.Notification = class extends RealNotification {
              constructor(title, options) {
                window.leadflowAlerts.push('notification: ' + title);
                super(title, options);
              }
            };
            const startSound = OscillatorNode.prototype.start;
            OscillatorNode.prototype.start = function (...args) {
              // the page says which lead in its status line just before it beeps
              window.leadflowAlerts.push('sound: ' + document.getElementById('live').textContent);
              return startSound.apply(this, args);
            };
            // the rep is looking at another window when the lead comes in
            document.hasFocus = () => false;
            """;

    @Test
    void shouldShowANewLeadLiveAndLetTheRepClaimItAndLogTheCall() throws Exception {
        try (PhoneBrowser browser = PhoneBrowser.open()) {
            Page page = browser.newPage();
            page.context().grantPermissions(List.of("notifications"));
            page.addInitScript(ALERT_SPIES);
            signIn(page, LocalStack.DEMO_REP_EMAIL);

            Locator leads = page.locator("#leads");
            await().atMost(LIVE_BOUND).until(() -> "true".equals(leads.getAttribute("data-live")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on alerts for new leads")).click();
            page.evaluate("window.leadflowNoReloadMarker = true");

            TestLead lead = TestLead.withSmsConsent("Inbox", true);
            assertThat(postLead(lead.json(), sourceKey()).statusCode()).isEqualTo(202);

            Locator card = leads.locator("li.card", new Locator.LocatorOptions().setHasText(lead.lastName()));
            await().atMost(LIVE_BOUND).until(() -> card.count() == 1);
            assertThat(page.evaluate("window.leadflowNoReloadMarker")).as("the page was not reloaded").isEqualTo(true);
            // other tests' leads may come and go meanwhile: only this lead's alerts count
            assertThat(((List<?>) page.evaluate("window.leadflowAlerts")).stream().map(String::valueOf)
                    .filter(alert -> alert.contains(lead.lastName())).map(alert -> alert.replaceFirst(":.*", "")))
                    .as("alerts when the card appeared").containsExactly("sound", "notification");
            assertThat(card.textContent()).contains("We are relocating in June");
            PhoneBrowser.screenshot(page, "rep-inbox");

            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim")).click();

            assertThat(page.locator("h1").textContent()).contains(lead.lastName());
            assertThat(page.locator("body").textContent()).contains("Claimed by Dana Whitfield");
            assertThat(page.locator("a[href^='tel:']").first().getAttribute("href")).isEqualTo("tel:" + lead.phone());
            String leadPage = page.url();

            page.getByLabel("Note (optional)").first().fill("Spoke about the June move");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contacted")).click();
            await().atMost(LIVE_BOUND).until(() -> {
                page.reload();
                return page.locator("body").textContent().contains("Spoke about the June move");
            });
            PhoneBrowser.screenshot(page, "rep-inbox-lead");

            Page otherRep = browser.newPage();
            signIn(otherRep, "marcus@oakridge-homes.test");
            assertThat(otherRep.navigate(leadPage).status()).as("another rep's claimed lead").isEqualTo(404);
        }
    }

    private static void signIn(Page page, String email) {
        page.navigate(stack().serviceUrl(LeadflowService.CADENCE_ENGINE) + "/inbox/");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(stack().inboxDemoPassword());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }
}
