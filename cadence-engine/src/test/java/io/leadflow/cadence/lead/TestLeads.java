package io.leadflow.cadence.lead;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.leadflow.contracts.LeadReceived;

/** Leads for the engine's tests. */
public final class TestLeads {

    public static final String OPS_TOKEN = "test-ops-token";

    /** Each test lead is a different person (phone and email), or they would be merged as returning leads. */
    private static final AtomicLong NEXT_NUMBER = new AtomicLong(2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));

    private TestLeads() {
    }

    /** A lead whose local time is midday now, so the contact window is open whatever the hour here. */
    public static LeadReceived inDaytime(boolean smsConsent) {
        return inDaytime(smsConsent, "test-web");
    }

    public static LeadReceived inDaytime(boolean smsConsent, String sourceId) {
        String number = String.valueOf(NEXT_NUMBER.incrementAndGet());
        var contact = new LeadReceived.Contact("Maria Lopez", "Maria", "Lopez", "maria." + number + "@example.com",
                "+1415" + number, "(415) " + number.substring(0, 3) + "-" + number.substring(3), true);
        return withContact(smsConsent, sourceId, contact);
    }

    /** The same lead with a phone and a postal code of the given US places, e.g. {@code +13055550123} and {@code 75001}. */
    public static LeadReceived at(LeadReceived lead, String phoneE164, String zip) {
        var contact = new LeadReceived.Contact(lead.contact().fullName(), lead.contact().firstName(),
                lead.contact().lastName(), lead.contact().email(), phoneE164, phoneE164, true);
        return new LeadReceived(lead.leadId(), lead.sourceId(), lead.receivedAt(), lead.test(), contact, lead.timeZone(),
                lead.message(), lead.interest(), lead.utm(), lead.consent(), new LeadReceived.PostalCode(zip, "US"));
    }

    /** A lead of the given person: a second one within 30 days is merged into the first. */
    public static LeadReceived withContact(boolean smsConsent, String sourceId, LeadReceived.Contact contact) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int utcHour = now.atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(12 - utcHour + 12, 24) - 12;
        String zone = ZoneOffset.ofHours(offset).getId();
        var interest = new LeadReceived.Interest("Oak Ridge", null, "3 bedrooms", "$450k", "June", null, Map.of());
        var consent = new LeadReceived.Consent(smsConsent, true, "I agree to texts", now, "127.0.0.1", null);
        return new LeadReceived(UUID.randomUUID(), sourceId, now, false, contact,
                new LeadReceived.LeadTimeZone(zone, "form"), "Relocating in June", interest, Map.of(), consent);
    }
}
