package io.leadflow.cadence.lead;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.leadflow.cadence.messaging.ContractViolationException;
import io.leadflow.contracts.LeadReceived;

/** What a {@code leads.received} record must hold for the engine to act on it; anything less goes to the DLQ. */
final class LeadReceivedContract {

    private LeadReceivedContract() {
    }

    static void check(LeadReceived event) {
        List<String> problems = new ArrayList<>();
        if (event.leadId() == null) {
            problems.add("leadId is missing");
        }
        if (event.sourceId() == null || event.sourceId().isBlank()) {
            problems.add("sourceId is missing");
        }
        if (event.receivedAt() == null) {
            problems.add("receivedAt is missing");
        }
        if (event.contact() == null) {
            problems.add("contact is missing");
        }
        if (event.timeZone() == null || !isZone(event.timeZone().id())) {
            problems.add("timeZone is missing or not a time zone id");
        }
        if (!problems.isEmpty()) {
            throw new ContractViolationException("leads.received record breaks the contract: " + String.join("; ", problems));
        }
    }

    private static boolean isZone(String id) {
        try {
            return id != null && ZoneId.of(id) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
