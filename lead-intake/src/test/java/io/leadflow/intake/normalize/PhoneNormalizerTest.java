package io.leadflow.intake.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {

    private final PhoneNormalizer usPhones = new PhoneNormalizer("US");

    @Test
    void shouldFormatANationalNumberInE164UsingTheDefaultRegion() {
        assertThat(usPhones.normalize("(415) 555-0123")).get().extracting(NormalizedPhone::e164).isEqualTo("+14155550123");
        assertThat(usPhones.normalize("415.555.0123")).get().extracting(NormalizedPhone::e164).isEqualTo("+14155550123");
    }

    @Test
    void shouldKeepTheCountryOfAnInternationalNumber() {
        assertThat(usPhones.normalize("+44 20 7946 0958")).get().extracting(NormalizedPhone::e164).isEqualTo("+442079460958");
        assertThat(new PhoneNormalizer("gb").normalize("020 7946 0958")).get()
                .extracting(NormalizedPhone::e164).isEqualTo("+442079460958");
    }

    @Test
    void shouldRejectWhatIsNotAValidNumber() {
        assertThat(usPhones.normalize("555-01")).isEmpty();
        assertThat(usPhones.normalize("call me maybe")).isEmpty();
        assertThat(usPhones.normalize("+1 000 000 0000")).isEmpty();
        assertThat(usPhones.normalize("   ")).isEmpty();
        assertThat(usPhones.normalize(null)).isEmpty();
    }

    @Test
    void shouldTellTollFreeNumbersAreNotGeographical() {
        assertThat(usPhones.normalize("+1 800 555 0199")).get().extracting(NormalizedPhone::geographical).isEqualTo(false);
        assertThat(usPhones.normalize("+1 212 555 0100")).get().extracting(NormalizedPhone::geographical).isEqualTo(true);
    }

    @Test
    void shouldNeverPrintTheNumber() {
        assertThat(usPhones.normalize("(415) 555-0123")).get().asString().doesNotContain("415");
    }

    @Test
    void shouldRefuseAnUnknownDefaultRegion() {
        assertThatThrownBy(() -> new PhoneNormalizer("XX")).isInstanceOf(IllegalArgumentException.class);
    }
}
