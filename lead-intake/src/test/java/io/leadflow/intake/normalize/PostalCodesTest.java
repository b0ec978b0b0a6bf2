package io.leadflow.intake.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadflow.contracts.LeadReceived.PostalCode;

class PostalCodesTest {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
            "75001, US, 75001",
            "' 75001-1234 ', US, 75001-1234",
            "sw1a   1aa, GB, SW1A 1AA",
            "k1a 0b6, CA, K1A 0B6",
            "1010, AT, 1010" })
    void shouldKeepAPostalCodeOfTheCountryNormalized(String raw, String country, String code) {
        assertThat(PostalCodes.normalize(raw, country)).contains(new PostalCode(code, country));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "ZIP code, true", "post_code, true", "postalCode, true", "Zip/Postal Code, true", "zone, false" })
    void shouldKnowAPostalCodeQuestionByItsName(String name, boolean postalCode) {
        assertThat(PostalCodes.isAnswerName(name)).isEqualTo(postalCode);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "7500, US", "750011, US", "75001-12, US", "ABCDE, US", "75001 1234, US",
            "X, GB", "SW1A 1AA 1AA 9, GB", "SW1A--1AA, GB", "<script>, GB", "-1010, AT" })
    void shouldRefuseWhatIsNotAPostalCodeOfTheCountry(String raw, String country) {
        assertThat(PostalCodes.isValid(raw, country)).isFalse();
    }
}
