package io.leadflow.notifier.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.SharedLocalStack;
import io.leadflow.localstack.sms.ReceivedSms;
import io.leadflow.notifier.delivery.DeliveryTestSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sending numbers: a lead is texted from one number of its source's pool for its whole cadence
 * (kept in the database), and the first text from a number to a person introduces the business
 * and the opt-out, whatever template it is.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class FromNumbersTest extends DeliveryTestSupport {

    /** {@code leadflow.notifier.sms.sources.pool-test.from-numbers} in the test profile. */
    static final String POOL_SOURCE = "pool-test";
    static final List<String> POOL = List.of("+15005550101", "+15005550102", "+15005550103");

    @Inject
    EntityManager em;

    @Test
    void shouldTextALeadFromOneNumberOfItsSourcesPoolForTheWholeCadenceIntroducingItOnlyOnce() throws Exception {
        String phone = uniquePhone();
        UUID leadId = UUID.randomUUID();
        TouchDue.LeadSnapshot lead = lead(POOL_SOURCE, phone, uniqueEmail("maria"), false);
        TouchDue.RepSnapshot rep = rep(uniquePhone(), uniqueEmail("dana"));

        List<ReceivedSms> texts = new ArrayList<>();
        for (String template : List.of("same-day-text", "helpful-text", "two-week-text")) {
            produce(Topics.TOUCHES_DUE, nurtureText(leadId, template, lead, rep));
            int sent = texts.size() + 1;
            texts.add(await(phone, sent).get(sent - 1));
        }

        assertThat(texts).extracting(ReceivedSms::from).containsOnly(texts.get(0).from());
        assertThat(POOL).contains(texts.get(0).from());
        assertThat(assignedNumber(leadId)).isEqualTo(texts.get(0).from());
        assertThat(texts.get(0).body()).contains("Oak Ridge Homes").endsWith("Reply STOP to opt out");
        assertThat(texts.subList(1, 3)).extracting(ReceivedSms::body).noneMatch(body -> body.contains("STOP"));
    }

    @Test
    void shouldSpreadASourcesLeadsOverItsPoolAndTextOtherSourcesFromTheDefaultNumber() throws Exception {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String phone = uniquePhone();
            phones.add(phone);
            produce(Topics.TOUCHES_DUE_PRIORITY, touch(Channel.SMS, "first-text", Audience.LEAD,
                    lead(POOL_SOURCE, phone, uniqueEmail("maria"), false), rep(uniquePhone(), uniqueEmail("dana")),
                    openWindow()));
        }
        String otherPhone = uniquePhone();
        produce(Topics.TOUCHES_DUE_PRIORITY, touch(Channel.SMS, "first-text", Audience.LEAD,
                lead(otherPhone, uniqueEmail("maria"), false), rep(uniquePhone(), uniqueEmail("dana")), openWindow()));

        Set<String> used = phones.stream().map(phone -> awaitOneSms(phone).from()).collect(Collectors.toSet());
        assertThat(POOL).containsAll(used);
        assertThat(used).hasSizeGreaterThan(1);
        assertThat(awaitOneSms(otherPhone).from()).isEqualTo(SharedLocalStack.SMS_FROM_NUMBER);
    }

    @Test
    void shouldKeepTheNumberStoredForALeadOverTheOneItsIdWouldPick() throws Exception {
        String stored = POOL.get(1);
        UUID leadId = UUID.randomUUID();
        while (POOL.get(Math.floorMod(leadId.hashCode(), POOL.size())).equals(stored)) {
            leadId = UUID.randomUUID();
        }
        UUID lead = leadId;
        // as if assigned before a restart
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO notifier.lead_sender (lead_id, from_number, assigned_at) VALUES (:lead, :number, :at)""")
                .setParameter("lead", lead).setParameter("number", stored).setParameter("at", Instant.now())
                .executeUpdate());
        String phone = uniquePhone();

        produce(Topics.TOUCHES_DUE, nurtureText(lead, "helpful-text",
                lead(POOL_SOURCE, phone, uniqueEmail("maria"), false), rep(uniquePhone(), uniqueEmail("dana"))));

        assertThat(awaitOneSms(phone).from()).isEqualTo(stored);
    }

    @Test
    void shouldIntroduceEachNumberOnceToAPersonWhateverLeadTheyAreTextedFor() throws Exception {
        String phone = uniquePhone();
        TouchDue.RepSnapshot rep = rep(uniquePhone(), uniqueEmail("dana"));
        // a lead of the default pool, then the same person as a lead of another source, then a third lead
        produce(Topics.TOUCHES_DUE, nurtureText(UUID.randomUUID(), "same-day-text",
                lead(phone, uniqueEmail("maria"), false), rep));
        ReceivedSms fromDefault = await(phone, 1).get(0);
        produce(Topics.TOUCHES_DUE, nurtureText(UUID.randomUUID(), "helpful-text",
                lead(POOL_SOURCE, phone, uniqueEmail("maria"), false), rep));
        ReceivedSms fromPool = await(phone, 2).get(1);
        produce(Topics.TOUCHES_DUE, nurtureText(UUID.randomUUID(), "two-week-text",
                lead(phone, uniqueEmail("maria"), false), rep));
        ReceivedSms fromDefaultAgain = await(phone, 3).get(2);

        assertThat(fromDefault.from()).isEqualTo(SharedLocalStack.SMS_FROM_NUMBER);
        assertThat(fromDefault.body()).endsWith("Reply STOP to opt out");
        assertThat(POOL).contains(fromPool.from());
        assertThat(fromPool.body()).contains("Oak Ridge Homes").endsWith("Reply STOP to opt out");
        assertThat(fromDefaultAgain.from()).isEqualTo(SharedLocalStack.SMS_FROM_NUMBER);
        assertThat(fromDefaultAgain.body()).doesNotContain("STOP");
    }

    private static List<ReceivedSms> await(String phone, int count) {
        return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> smsTo(phone), texts -> texts.size() >= count);
    }

    private String assignedNumber(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT from_number FROM notifier.lead_sender WHERE lead_id = :lead")
                .setParameter("lead", leadId).getSingleResult());
    }
}
