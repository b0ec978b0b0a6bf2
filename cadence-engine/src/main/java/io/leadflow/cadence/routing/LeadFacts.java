package io.leadflow.cadence.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.leadflow.contracts.LeadReceived;

/**
 * What routing rules look at. The postal code is the lead's {@code postalCode}; for a lead without one (events
 * from before it was a field, platform webhooks) a custom answer {@code postalCode}, {@code zip}, {@code zipCode}
 * or {@code postcode} (any case or separator).
 *
 * @param interests the lead's community and product, when given
 */
public record LeadFacts(String sourceId, String postalCode, List<String> interests) {

    private static final List<String> POSTAL_KEYS = List.of("postalcode", "zip", "zipcode", "postcode");

    public static LeadFacts of(LeadReceived lead) {
        return of(lead.sourceId(), lead.postalCode() == null ? null : lead.postalCode().code(), lead.interest());
    }

    /** @param postalCode the lead's {@code postalCode}, as received; null: read from the custom answers */
    public static LeadFacts of(String sourceId, String postalCode, LeadReceived.Interest interest) {
        LeadFacts facts = of(sourceId, interest);
        return postalCode == null ? facts : new LeadFacts(facts.sourceId(), normalized(postalCode), facts.interests());
    }

    public static LeadFacts of(String sourceId, LeadReceived.Interest interest) {
        if (interest == null) {
            return new LeadFacts(sourceId, null, List.of());
        }
        List<String> interests = new ArrayList<>();
        if (interest.community() != null) {
            interests.add(interest.community());
        }
        if (interest.product() != null) {
            interests.add(interest.product());
        }
        return new LeadFacts(sourceId, postalCode(interest.custom()), List.copyOf(interests));
    }

    private static String postalCode(Map<String, String> custom) {
        if (custom == null) {
            return null;
        }
        return custom.entrySet().stream()
                .filter(answer -> POSTAL_KEYS.contains(answer.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")))
                .map(answer -> normalized(answer.getValue()))
                .findFirst().orElse(null);
    }

    /** As rules compare postal codes: no spaces, upper case. */
    private static String normalized(String postalCode) {
        return postalCode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
