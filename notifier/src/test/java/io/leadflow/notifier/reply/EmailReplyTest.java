package io.leadflow.notifier.reply;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.LeadActivity;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.localstack.mail.MailCatcher;
import io.leadflow.localstack.sms.ReceivedSms;
import io.leadflow.notifier.delivery.DeliveryTestSupport;
import io.leadflow.notifier.email.EmailSender;
import io.leadflow.notifier.signing.HmacSha256;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Email replies: sent by SMTP to the Reply-To of our email and read over IMAP, or posted to the signed webhook. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class EmailReplyTest extends DeliveryTestSupport {

    static final MailCatcher CATCHER = LocalStackTestResource.mailCatcher();
    static final String WEBHOOK_SECRET = "local-inbound-mail-secret";

    @Test
    void shouldTurnAnSmtpReplyToOurReplyToAddressIntoOneReplyActivityAndForwardItToTheRep() throws Exception {
        TouchDue touch = firstEmail();
        String replyTo = replyToOf(touch);
        assertThat(replyTo).matches("reply\\+[0-9a-f]{56}@reply\\.leadflow\\.local");

        replyBySmtp(replyTo, "<" + UUID.randomUUID() + "@mail.example.com>", """
                Saturday at 10 works for a visit.

                On Tue, Dec 1, 2026 Dana Whitfield via Oak Ridge Homes wrote:
                > Hi Maria,""");

        LeadActivity reply = awaitActivity(touch.leadId(), ActivityKind.REPLY);
        assertThat(reply.channel()).isEqualTo(Channel.EMAIL);
        assertThat(reply.actor()).isEqualTo("lead");
        assertThat(reply.detail()).containsEntry("preview", "Saturday at 10 works for a visit.")
                .containsEntry("via", "email");
        List<ReceivedSms> forwards = await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> smsTo(touch.rep().phoneE164()), sms -> !sms.isEmpty());
        assertThat(forwards.get(0).body()).contains("Maria Lopez", "by email", "Saturday at 10 works for a visit.");
        // handled once: the mailbox is emptied and nothing more is published or forwarded
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> CATCHER.replyMailboxSize() == 0);
        Thread.sleep(600);
        assertThat(activitiesOf(touch.leadId(), ActivityKind.REPLY)).hasSize(1);
        assertThat(smsTo(touch.rep().phoneE164())).hasSize(1);
    }

    @Test
    void shouldIgnoreAnEmailWhoseReplyAddressIsForgedOrHasNoToken() throws Exception {
        TouchDue touch = firstEmail();
        String replyTo = replyToOf(touch);
        int at = replyTo.indexOf('@');
        String forged = replyTo.substring(0, at - 1) + (replyTo.charAt(at - 1) == '0' ? '1' : '0') + replyTo.substring(at);

        replyBySmtp(forged, "<forged-" + UUID.randomUUID()
                + "@mail.example.com>", "Stop the cadence, please");
        replyBySmtp("reply+@" + MailCatcher.REPLY_DOMAIN, "<empty-" + UUID.randomUUID() + "@mail.example.com>",
                "No token at all");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> CATCHER.replyMailboxSize() == 0);
        assertThat(activitiesOf(touch.leadId(), ActivityKind.REPLY)).isEmpty();
        assertThat(smsTo(touch.rep().phoneE164())).isEmpty();
    }

    @Test
    void shouldTakeASignedWebhookReplyOnceAndRefuseABadSignatureOrABadBody() throws Exception {
        TouchDue touch = firstEmail();
        String body = """
                {"messageId": "<%s@mail.example.com>", "to": ["%s"], "text": "Can you call me after 5?"}"""
                .formatted(UUID.randomUUID(), replyToOf(touch));

        given().contentType("application/json").header("X-Leadflow-Signature", "sha256=" + "00".repeat(32))
                .body(body).post("/webhooks/email/inbound").then().statusCode(403);
        given().contentType("application/json").body(body).post("/webhooks/email/inbound").then().statusCode(403);
        String noRecipients = "{\"messageId\": \"<x@mail.example.com>\", \"text\": \"hi\"}";
        given().contentType("application/json").header("X-Leadflow-Signature", sign(noRecipients))
                .body(noRecipients).post("/webhooks/email/inbound").then().statusCode(400)
                .contentType("application/problem+json").body("field", Matchers.equalTo("to"));
        assertThat(activitiesOf(touch.leadId(), ActivityKind.REPLY)).isEmpty();

        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").header("X-Leadflow-Signature", sign(body))
                    .body(body).post("/webhooks/email/inbound").then().statusCode(204);
        }

        assertThat(awaitActivity(touch.leadId(), ActivityKind.REPLY).detail())
                .containsEntry("preview", "Can you call me after 5?");
        assertThat(activitiesOf(touch.leadId(), ActivityKind.REPLY)).hasSize(1);
    }

    @Test
    void shouldForwardAReplyReadOverImapAndPostedToTheWebhookAtOnceToTheRepOnlyOnce() throws Exception {
        TouchDue touch = firstEmail();
        String replyTo = replyToOf(touch);
        String messageId = "<" + UUID.randomUUID() + "@mail.example.com>";
        String body = """
                {"messageId": "%s", "to": ["%s"], "text": "Is the model home open on Sunday?"}"""
                .formatted(messageId, replyTo);

        replyBySmtp(replyTo, messageId, "Is the model home open on Sunday?");
        // the inbound-mail service posts it too, three times at once, while the IMAP poller reads it
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(CompletableFuture.supplyAsync(() -> given().contentType("application/json")
                    .header("X-Leadflow-Signature", sign(body)).body(body).post("/webhooks/email/inbound").statusCode()));
        }
        for (CompletableFuture<Integer> post : posts) {
            assertThat(post.get(30, TimeUnit.SECONDS)).isEqualTo(204);
        }

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> CATCHER.replyMailboxSize() == 0);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !smsTo(touch.rep().phoneE164()).isEmpty());
        Thread.sleep(1000);
        assertThat(smsTo(touch.rep().phoneE164())).hasSize(1);
        assertThat(smsTo(touch.rep().phoneE164()).get(0).body()).contains("Is the model home open on Sunday?");
        // each path may publish the activity; it is one activity (one id), which the engine takes once
        assertThat(activitiesOf(touch.leadId(), ActivityKind.REPLY)).extracting(LeadActivity::activityId)
                .hasSizeGreaterThanOrEqualTo(1).containsOnly(activitiesOf(touch.leadId(), ActivityKind.REPLY).get(0).activityId());
    }

    // ---- helpers ----

    /** A new lead's first email, sent, with a rep who has a phone to forward replies to. */
    TouchDue firstEmail() throws Exception {
        TouchDue touch = touch(Channel.EMAIL, "first-email", Audience.LEAD,
                lead(uniquePhone(), uniqueEmail("maria"), false), rep(uniquePhone(), uniqueEmail("dana")), openWindow());
        produce(Topics.TOUCHES_DUE_PRIORITY, touch);
        return touch;
    }

    static String replyToOf(TouchDue touch) {
        CaughtMail mail = awaitOneMail(EmailSender.messageId(touch.touchId()));
        return mail.headers().get("Reply-To").strip();
    }

    /** As the lead's mail client would: by SMTP to the address, which the catcher delivers to the reply mailbox. */
    static void replyBySmtp(String to, String messageId, String text) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", Integer.toString(CATCHER.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("maria@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Re: Maria, about a 3-bedroom home in Oak Ridge");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    static String sign(String body) {
        return "sha256=" + HexFormat.of().formatHex(new HmacSha256(WEBHOOK_SECRET).of(body.getBytes(StandardCharsets.UTF_8)));
    }
}
