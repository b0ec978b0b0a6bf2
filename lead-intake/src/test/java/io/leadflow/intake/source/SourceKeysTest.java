package io.leadflow.intake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SourceKeysTest {

    private final SourceKeys keys = new SourceKeys(List.of(
            "website=" + SourceKeys.hashOf("website-key"),
            " partner = " + SourceKeys.hashOf("partner-key") + " "));

    @Test
    void shouldAuthenticateEachSourceByItsKey() {
        assertThat(keys.authenticate("website-key")).contains("website");
        assertThat(keys.authenticate("partner-key")).contains("partner");
        assertThat(keys.sourceIds()).containsExactlyInAnyOrder("website", "partner");
    }

    @Test
    void shouldRejectAnUnknownOrEmptyKey() {
        assertThat(keys.authenticate("website-key ")).isEmpty();
        assertThat(keys.authenticate(SourceKeys.hashOf("website-key"))).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(new SourceKeys(List.of()).authenticate("website-key")).isEmpty();
    }

    @Test
    void shouldRefuseAnEntryThatIsNotAHashWithoutEchoingIt() {
        assertThatThrownBy(() -> new SourceKeys(List.of("website=raw-secret-key")))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("raw-secret-key");
        assertThatThrownBy(() -> new SourceKeys(List.of("Website=" + SourceKeys.hashOf("k"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
