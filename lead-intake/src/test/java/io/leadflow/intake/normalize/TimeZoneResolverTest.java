package io.leadflow.intake.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadflow.contracts.LeadReceived.LeadTimeZone;

class TimeZoneResolverTest {

    private final PhoneNormalizer phones = new PhoneNormalizer("US");
    private final TimeZoneResolver resolver = new TimeZoneResolver(ZoneId.of("America/New_York"));

    @Test
    void shouldPreferTheZoneTheFormSent() {
        assertThat(resolver.resolve("America/Denver", phones.normalize("(415) 555-0123")))
                .isEqualTo(new LeadTimeZone("America/Denver", "form"));
    }

    @Test
    void shouldDeriveTheZoneFromThePhoneNumber() {
        assertThat(resolver.resolve(null, phones.normalize("(415) 555-0123")))
                .isEqualTo(new LeadTimeZone("America/Los_Angeles", "phone"));
        assertThat(resolver.resolve(null, phones.normalize("+44 20 7946 0958")))
                .isEqualTo(new LeadTimeZone("Europe/London", "phone"));
    }

    @Test
    void shouldPickTheFirstZoneOfAnAreaCodeThatSpansTwo() {
        LeadTimeZone zone = resolver.resolve(null, phones.normalize("605-555-0100"));
        assertThat(zone.basis()).isEqualTo("phone");
        assertThat(zone.id()).isIn("America/Chicago", "America/Denver", "America/North_Dakota/Center");
    }

    @Test
    void shouldFallBackToTheDefaultWithoutAPhoneOrForATollFreeNumber() {
        assertThat(resolver.resolve(null, Optional.empty())).isEqualTo(new LeadTimeZone("America/New_York", "default"));
        assertThat(resolver.resolve(null, phones.normalize("+1 800 555 0199")))
                .isEqualTo(new LeadTimeZone("America/New_York", "default"));
    }

    @Test
    void shouldAcceptOnlyRegionZoneIds() {
        assertThat(TimeZoneResolver.isValidZone("America/Chicago")).isTrue();
        assertThat(TimeZoneResolver.isValidZone("UTC")).isTrue();
        assertThat(TimeZoneResolver.isValidZone("Mars/Olympus_Mons")).isFalse();
        assertThat(TimeZoneResolver.isValidZone("+05:00")).isFalse();
        assertThat(TimeZoneResolver.isValidZone(null)).isFalse();
    }
}
