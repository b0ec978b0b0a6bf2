package io.leadflow.notifier.pacing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.sms.ReceivedSms;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.notifier.delivery.DeliveryRepository;
import io.leadflow.notifier.delivery.DeliveryTestSupport;
import io.leadflow.notifier.delivery.Outcome;
import io.leadflow.notifier.delivery.Route.Transport;
import io.leadflow.notifier.optout.OptOuts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pacing and priority on one long code (source {@code pacing-test}: one number at 1 segment/s in
 * the test profile): 10,000 nurture texts due at once wait for the number's pace in their rows,
 * and a new lead's first text on {@code touches.due.priority} still reaches the sink within 1 s.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class PacingTest extends DeliveryTestSupport {

    private static final Logger LOG = Logger.getLogger(PacingTest.class);
    static final String SOURCE = "pacing-test";
    static final String NUMBER = "+15005550199";
    static final int NURTURE_TEXTS = 10_000;

    @Inject
    EntityManager em;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    OptOuts optOuts;

    @Test
    void shouldTextANewLeadWithinASecondWhileTenThousandNurtureTextsWaitForTheSameNumbersPace() throws Exception {
        TouchDue.RepSnapshot rep = rep(uniquePhone(), uniqueEmail("dana"));
        int base = ThreadLocalRandom.current().nextInt(0, 9_000_000);
        List<TouchDue> nurture = new ArrayList<>();
        for (int i = 0; i < NURTURE_TEXTS; i++) {
            String phone = String.format("+1659%07d", base + i);
            nurture.add(nurtureText(UUID.randomUUID(), "helpful-text", lead(SOURCE, phone, null, false), rep));
        }
        Instant start = Instant.now();
        produceAll(Topics.TOUCHES_DUE, nurture);
        Duration producing = Duration.between(start, Instant.now());

        String phone = uniquePhone();
        TouchDue first = touch(Channel.SMS, "first-text", Audience.LEAD, lead(SOURCE, phone, uniqueEmail("maria"), false),
                rep, openWindow());
        Instant produced = Instant.now();
        produce(Topics.TOUCHES_DUE_PRIORITY, first);
        ReceivedSms text = awaitOneSms(phone);
        long waitingThen = pacedNurtureRows();

        assertThat(text.from()).isEqualTo(NUMBER);
        assertThat(Duration.between(produced, text.receivedAt())).isLessThan(Duration.ofSeconds(1));

        // a wait, not a figure: the consumers' pace on a 2-core machine shared with other builds
        // (load 15 and up) took the 10,000 records past 2 minutes
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> nurtureRows() == NURTURE_TEXTS);
        Duration consumed = Duration.between(start, Instant.now());
        long nurtureSent = nurtureTextsSent();
        // at 1 segment/s, each text one segment or more, and a burst of 6 segments at the start
        assertThat(nurtureSent).isLessThanOrEqualTo(consumed.toSeconds() + 6);
        assertThat(pacedNurtureRows()).isGreaterThanOrEqualTo(NURTURE_TEXTS - nurtureSent - 10);
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("leadflow_sms_paced_total\\{lane=\"nurture\"\\} [1-9]")
                .containsPattern("leadflow_sms_pacing_backlog_seconds [1-9]");
        LOG.infof("pacing: %d nurture touches produced in %d ms; first text at the sink %d ms after it was produced "
                + "(%d nurture texts paced then); all %d queued after %d ms, %d of them sent by then",
                NURTURE_TEXTS, producing.toMillis(), Duration.between(produced, text.receivedAt()).toMillis(),
                waitingThen, NURTURE_TEXTS, consumed.toMillis(), nurtureSent);
    }

    @Test
    void shouldSendAPacedTextFromItsRowWhenDueAndTieTheNumberToItsLead() throws Exception {
        String phone = uniquePhone();
        UUID leadId = UUID.randomUUID();
        TouchDue text = nurtureText(leadId, "two-week-text", lead(phone, uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")));
        // as the consumer leaves a text behind others on its number, and as it is after a crash: only the row
        Instant slot = Instant.now().plusMillis(300);
        assertThat(deliveries.queue(text, "sms", JSON.writeValueAsString(text), false, Outcome.PACED, slot,
                Instant.now())).isTrue();

        ReceivedSms sent = awaitOneSms(phone);

        assertThat(sent.receivedAt()).isAfterOrEqualTo(slot);
        assertThat(statusOf(text)).isEqualTo(TouchStatus.ACCEPTED);
        assertThat(optOuts.leadsOf(Transport.SMS, phone)).containsExactly(leadId);
    }

    /** The nurture texts would take hours at this pace: this test's rows are settled as skipped. */
    @AfterEach
    void settleTheBacklog() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE notifier.delivery d SET status = 'skipped', reason = 'test_cleanup', payload = NULL,
                       next_attempt_at = NULL
                  FROM notifier.lead_sender s
                 WHERE s.lead_id = d.lead_id AND s.from_number = :number AND d.status = 'retrying'""")
                .setParameter("number", NUMBER).executeUpdate());
    }

    private long nurtureRows() {
        return count("");
    }

    private long pacedNurtureRows() {
        return count("AND d.status = 'retrying' AND d.reason = 'paced'");
    }

    private long count(String condition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                SELECT count(*) FROM notifier.delivery d JOIN notifier.lead_sender s ON s.lead_id = d.lead_id
                 WHERE s.from_number = :number AND d.template = 'helpful-text' """ + condition)
                .setParameter("number", NUMBER).getSingleResult()).longValue());
    }

    private static long nurtureTextsSent() {
        return LocalStackTestResource.smsSink().messages().stream()
                .filter(sms -> NUMBER.equals(sms.from()) && sms.to().startsWith("+1659")).count();
    }
}
