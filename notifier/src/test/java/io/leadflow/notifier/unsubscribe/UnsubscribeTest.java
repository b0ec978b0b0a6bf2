package io.leadflow.notifier.unsubscribe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.LeadActivity;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.notifier.delivery.DeliveryTestSupport;
import io.leadflow.notifier.delivery.Route.Transport;
import io.leadflow.notifier.optout.AddressHash;
import io.leadflow.notifier.optout.OptOutRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** One-click unsubscribe (RFC 8058) from an email to a lead, end to end. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class UnsubscribeTest extends DeliveryTestSupport {

    static final String PUBLIC_PREFIX = "https://notify.example.test/unsubscribe/";

    @Inject
    OptOutRepository optOuts;

    @Inject
    AddressHash hash;

    @Test
    void shouldCarryAOneClickLinkThatAGetOnlyShowsAndAPostActsOn() throws Exception {
        String email = uniqueEmail("maria");
        TouchDue.RepSnapshot rep = rep(uniquePhone(), uniqueEmail("dana"));
        TouchDue first = touch(Channel.EMAIL, "first-email", Audience.LEAD, lead(uniquePhone(), email, false), rep,
                openWindow());
        produce(Topics.TOUCHES_DUE_PRIORITY, first);

        CaughtMail mail = awaitOneMail("<" + first.touchId() + "@leadflow.local>");
        assertThat(mail.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String header = mail.headers().get("List-Unsubscribe");
        assertThat(header).startsWith("<" + PUBLIC_PREFIX).endsWith(">");
        String url = header.substring(1, header.length() - 1);
        assertThat(mail.text()).contains("Unsubscribe: " + url);
        String path = url.substring("https://notify.example.test".length());

        // a mail scanner following the link changes nothing
        assertThat(given().get(path).then().statusCode(200).extract().asString())
                .contains("<form method=\"post\">", "Unsubscribe");
        assertThat(optOuts.isSuppressed("email", hash.of(Transport.EMAIL, email))).isFalse();

        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(path).then().statusCode(200);

        assertThat(optOuts.isSuppressed("email", hash.of(Transport.EMAIL, email))).isTrue();
        LeadActivity optOut = await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> RECORDS.getOrDefault(Topics.LEADS_ACTIVITY, List.<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> of())
                        .stream().filter(r -> r.key().equals(first.leadId().toString()))
                        .map(r -> read(r.value())).filter(a -> a.kind() == io.leadflow.contracts.ActivityKind.OPT_OUT)
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(optOut.channel()).isEqualTo(Channel.EMAIL);
        TouchDue next = touch(UUID.randomUUID(), Channel.EMAIL, "week-one-email", Audience.LEAD, first.lead(), rep,
                openWindow());
        produce(Topics.TOUCHES_DUE, next);
        TouchResult result = JSON.readValue(awaitResults(next.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.SKIPPED);
        assertThat(result.reason()).isEqualTo("opted_out");
    }

    @Test
    void shouldAnswer404ForAForgedLinkAndPutNoLinkInAnEmailToTheRep() throws Exception {
        given().post("/unsubscribe/bm90LWEtdG9rZW4.c2lnbmF0dXJl").then().statusCode(404);
        given().get("/unsubscribe/garbage").then().statusCode(404);

        TouchDue alert = touch(Channel.EMAIL, "new-lead-alert", Audience.REP, lead(uniquePhone(), uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());
        produce(Topics.TOUCHES_DUE_PRIORITY, alert);
        CaughtMail mail = awaitOneMail("<" + alert.touchId() + "@leadflow.local>");
        assertThat(mail.headers()).doesNotContainKey("List-Unsubscribe");
    }

    static LeadActivity read(String json) {
        try {
            return JSON.readValue(json, LeadActivity.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
