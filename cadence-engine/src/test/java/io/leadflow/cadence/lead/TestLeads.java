package io.leadflow.cadence.lead;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.leadflow.contracts.LeadReceived;

/** Leads for the engine's tests. */
public final class TestLeads {

    public static final String OPS_TOKEN = "test-ops-token";

    private TestLeads() {
    }

    /** A lead whose local time is midday now, so the contact window is open whatever the hour here. */
    public static LeadReceived inDaytime(boolean smsConsent) {
        return inDaytime(smsConsent, "test-web");
    }

    public static LeadReceived inDaytime(boolean smsConsent, String sourceId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int utcHour = now.atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(12 - utcHour + 12, 24) - 12;
        String zone = ZoneOffset.ofHours(offset).getId();
        var contact = new LeadReceived.Contact("Maria Lopez", "Maria", "Lopez", "maria@example.com", "+14155550123",
                "(415) 555-0123", true);
        var interest = new LeadReceived.Interest("Oak Ridge", null, "3 bedrooms", "$450k", "June", null, Map.of());
        var consent = new LeadReceived.Consent(smsConsent, true, "I agree to texts", now, "127.0.0.1", null);
        return new LeadReceived(UUID.randomUUID(), sourceId, now, false, contact,
                new LeadReceived.LeadTimeZone(zone, "form"), "Relocating in June", interest, Map.of(), consent);
    }
}
