package io.leadflow.intake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfiguredSourceKeysTest {

    @Test
    void shouldReadEachSourceAndTheHashOfItsKey() {
        assertThat(ConfiguredSourceKeys.parse(List.of(
                "website=" + Keys.hashOf("website-key"),
                " partner = " + Keys.hashOf("partner-key") + " ", " ")))
                .containsExactly(
                        new ConfiguredSourceKeys.Entry("website", Keys.hashOf("website-key")),
                        new ConfiguredSourceKeys.Entry("partner", Keys.hashOf("partner-key")));
    }

    @Test
    void shouldRefuseAnEntryThatIsNotAHashWithoutEchoingIt() {
        assertThatThrownBy(() -> ConfiguredSourceKeys.parse(List.of("website=raw-secret-key")))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("raw-secret-key");
        assertThatThrownBy(() -> ConfiguredSourceKeys.parse(List.of("Website=" + Keys.hashOf("k"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfiguredSourceKeys.parse(List.of("a=" + Keys.hashOf("k"), "a=" + Keys.hashOf("j"))))
                .hasMessageContaining("listed twice");
    }

    @Test
    void shouldCompareSecretsByValueOnly() {
        assertThat(Keys.sameSecret("abc", "abc")).isTrue();
        assertThat(Keys.sameSecret("abc", "abc ")).isFalse();
        assertThat(Keys.sameSecret(null, "abc")).isFalse();
        assertThat(Keys.newSourceKey()).startsWith("lfk_").hasSizeGreaterThan(40).isNotEqualTo(Keys.newSourceKey());
    }
}
