package io.leadflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SampleLeadsTest {

    // 03:00 UTC: midday in Asia and Oceania, night in Europe and on the US east coast
    private static final Instant NOW = Instant.parse("2026-01-15T03:00:00Z");

    @Test
    void shouldGiveEveryLeadItsOwnPhoneAndEmailSoTheSinksCanTellThemApart() {
        SampleLeads leads = new SampleLeads(1, 0.1, NOW);

        List<GeneratedLead> generated = IntStream.range(0, 5_000).mapToObj(i -> leads.next()).toList();

        assertThat(generated).extracting(GeneratedLead::phoneE164).doesNotHaveDuplicates();
        assertThat(generated.stream().map(GeneratedLead::email).filter(Objects::nonNull).toList()).doesNotHaveDuplicates();
        assertThat(generated).allSatisfy(lead -> assertThat(lead.smsConsent() || lead.email() != null).isTrue());
    }

    @Test
    void shouldPlaceDayLeadsInDaytimeAndNightLeadsAtNight() {
        SampleLeads leads = new SampleLeads(2, 0.1, NOW);

        List<GeneratedLead> generated = IntStream.range(0, 2_000).mapToObj(i -> leads.next()).toList();

        assertThat(generated).allSatisfy(lead -> {
            int hour = NOW.atZone(ZoneId.of(lead.timeZone())).getHour();
            if (lead.nightLead()) {
                assertThat(hour).satisfiesAnyOf(h -> assertThat(h).isGreaterThanOrEqualTo(22), h -> assertThat(h).isLessThan(6));
            } else {
                assertThat(hour).isBetween(9, 18);
            }
        });
        assertThat(generated.stream().filter(GeneratedLead::nightLead).count()).isBetween(140L, 260L);
    }
}
