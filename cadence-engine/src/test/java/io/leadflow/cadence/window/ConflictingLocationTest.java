package io.leadflow.cadence.window;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.KafkaTestClient;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ConflictingLocationTest {

    @Test
    void shouldHoldTheFirstTextUntilBothThePhonesAndThePostalCodesStateAllowItAndSayWhy() {
        // a zone where it is about 08:30 now: Florida (the phone) is open from 08:00, Texas (the postal code) from 09:00
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalTime utc = now.atZone(ZoneOffset.UTC).toLocalTime();
        int minutes = Math.floorMod(8 * 60 + 30 - (utc.getHour() * 60 + utc.getMinute()) + 12 * 60, 24 * 60) - 12 * 60;
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(Math.round(minutes / 15f) * 15 * 60);
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalTime texasOpens = local.getDayOfWeek() == DayOfWeek.SUNDAY ? LocalTime.NOON : LocalTime.of(9, 0);
        Instant expectedDue = local.toLocalDate().atTime(texasOpens).toInstant(zone);

        LeadReceived daytime = TestLeads.inDaytime(true);
        String miamiPhone = "+1305734" + daytime.contact().phoneE164().substring(8);
        LeadReceived lead = TestLeads.at(new LeadReceived(daytime.leadId(), daytime.sourceId(), now, false,
                daytime.contact(), new LeadReceived.LeadTimeZone(zone.getId(), "form"), daytime.message(),
                daytime.interest(), daytime.utm(), daytime.consent()), miamiPhone, "75001");

        KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);

        JsonPath timeline = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestLeads.OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", lead.leadId())
                .then().extract().jsonPath(), json -> json.getList("timeline") != null);
        List<String> smsDetails = timeline.getList("timeline.findAll { it.kind == 'touch' && it.channel == 'sms' }.detail",
                String.class);
        assertThat(smsDetails).hasSize(2).allSatisfy(detail -> assertThat(detail)
                .startsWith("due " + expectedDue + ";")
                .contains("outside the contact window (hours of " + zone.getId() + " FL and " + zone.getId() + " TX together)"));
        assertThat(timeline.getList("timeline.findAll { it.kind == 'touch' && it.channel == 'sms' }.status"))
                .containsOnly("scheduled");
        assertThat(timeline.getString("timeline.find { it.kind == 'received' }.detail")).contains(
                "phone area code 305 says FL (America/New_York), postal code 75001 says TX (America/Chicago or America/Denver), "
                        + "the form's time zone " + zone.getId() + " is the lead's clock: texts and calls only when both are open, "
                        + texasOpens + "–20:00 " + zone.getId());
        // the email is not held: only SMS and calls keep to the window
        assertThat(timeline.getList("timeline.findAll { it.kind == 'touch' && it.channel == 'email' }.detail", String.class))
                .hasSize(2).noneMatch(detail -> detail.contains("outside the contact window"));
    }
}
