package io.leadflow.intake.normalize;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;

import io.leadflow.contracts.LeadReceived.LeadTimeZone;
import io.leadflow.intake.config.IntakeConfig;

/**
 * Decides a lead's time zone: the one the form sent ({@code form}), else the one its phone number tells
 * ({@code phone}), else the configured default ({@code default}).
 */
@ApplicationScoped
public class TimeZoneResolver {

    public static final String BASIS_FORM = "form";
    public static final String BASIS_PHONE = "phone";
    public static final String BASIS_DEFAULT = "default";

    private static final String UNKNOWN = "Etc/Unknown";
    private static final Set<String> REGION_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private final ZoneId defaultZone;

    @Inject
    public TimeZoneResolver(IntakeConfig config) {
        this(config.defaultTimeZone());
    }

    public TimeZoneResolver(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    /** Whether a form may send this as a time zone: a region id such as {@code America/Chicago}, or UTC. */
    public static boolean isValidZone(String id) {
        return id != null && REGION_IDS.contains(id);
    }

    /**
     * @param formZone a zone id from the form, already checked with {@link #isValidZone}, or null
     * @param phone    the lead's valid phone, if any
     */
    public LeadTimeZone resolve(String formZone, Optional<NormalizedPhone> phone) {
        return resolve(formZone, phone, defaultZone);
    }

    /** As {@link #resolve(String, Optional)}, with the source's own default zone. */
    public LeadTimeZone resolve(String formZone, Optional<NormalizedPhone> phone, ZoneId defaultZone) {
        if (formZone != null) {
            return new LeadTimeZone(formZone, BASIS_FORM);
        }
        return phone.flatMap(TimeZoneResolver::zoneOf)
                .map(zone -> new LeadTimeZone(zone, BASIS_PHONE))
                .orElseGet(() -> new LeadTimeZone(defaultZone.getId(), BASIS_DEFAULT));
    }

    private static Optional<String> zoneOf(NormalizedPhone phone) {
        List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(phone.number());
        if (zones.isEmpty() || zones.contains(UNKNOWN)) {
            return Optional.empty();
        }
        if (zones.size() == 1) {
            return Optional.of(zones.get(0));
        }
        // an area code spanning two zones: its first zone is a fair guess. A non-geographical number
        // (US toll-free lists every zone from Adak to Guam) says nothing, so the default wins.
        return phone.geographical() ? Optional.of(zones.get(0)) : Optional.empty();
    }
}
