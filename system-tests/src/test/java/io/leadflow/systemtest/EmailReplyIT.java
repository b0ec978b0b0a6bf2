package io.leadflow.systemtest;

import static io.leadflow.systemtest.RunningLeadflow.mailTo;
import static io.leadflow.systemtest.RunningLeadflow.postLead;
import static io.leadflow.systemtest.RunningLeadflow.sourceKey;
import static io.leadflow.systemtest.RunningLeadflow.stack;
import static io.leadflow.systemtest.RunningLeadflow.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.localstack.sms.ReceivedSms;

/**
 * A prospect answers the first email from their mail program: the answer goes by SMTP to the
 * email's per-lead Reply-To address, the notifier reads it over IMAP, and the engine stops the
 * cadence before its next step, 4 s after the lead (the test playbook's follow-up email).
 */
@ExtendWith(RunningLeadflow.class)
class EmailReplyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The test playbook's follow-up email is due 4 s after the lead; the check waits well past it. */
    private static final Duration PAST_THE_FOLLOW_UP = Duration.ofSeconds(8);

    @Test
    void shouldStopTheCadenceBeforeTheNextTouchWhenTheProspectRepliesToTheFirstEmail() throws Exception {
        TestLead lead = TestLead.withSmsConsent("Noor", true);
        HttpResponse<String> response = postLead(lead.json(), sourceKey());
        assertThat(response.statusCode()).isEqualTo(202);
        String timelineUrl = JSON.readTree(response.body()).at("/links/timeline").asText();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> !mailTo(lead.email()).isEmpty());
        CaughtMail firstEmail = mailTo(lead.email()).get(0);
        String replyTo = firstEmail.headers().get("Reply-To");
        assertThat(replyTo).as("the first email's Reply-To").matches("reply\\+[0-9a-f]+@reply\\.leadflow\\.local");
        // a word no other message carries: the rep's alert already names the lead
        String word = "pear" + UUID.randomUUID().toString().substring(0, 8);
        String answer = "Saturday at 10 works, " + word + ", see you at the model home";
        GreenMailUtil.sendTextEmail(replyTo, lead.email(), "Re: " + firstEmail.subject(), answer,
                new ServerSetup(stack().mailCatcher().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> timeline(timelineUrl).get("cadenceState").asText().equals("stopped"));
        Thread.sleep(PAST_THE_FOLLOW_UP.toMillis());

        JsonNode view = timeline(timelineUrl);
        assertThat(entries(view, "reply")).as("reply lines on the timeline").hasSize(1)
                .allSatisfy(reply -> assertThat(reply.get("channel").asText()).isEqualTo("email"));
        assertThat(mailTo(lead.email())).as("emails the prospect got: the first only, not the +4 s follow-up")
                .extracting(CaughtMail::subject).containsExactly(firstEmail.subject());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(stack().smsSink().messages()).as("the reply forwarded to the rep by text")
                        .extracting(ReceivedSms::body).anySatisfy(body -> assertThat(body).contains(word)));
    }

    private static List<JsonNode> entries(JsonNode timeline, String kind) {
        return timeline.get("timeline").findParents("kind").stream()
                .filter(entry -> entry.get("kind").asText().equals(kind))
                .toList();
    }
}
