package io.leadflow.notifier.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    // Twilio's published example (https://www.twilio.com/docs/usage/security#validating-requests)
    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final String TOKEN = "12345";
    static final Map<String, List<String>> PARAMS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+12349013030"),
            "Digits", List.of("1234"),
            "From", List.of("+12349013030"),
            "To", List.of("+18005551212"));

    @Test
    void shouldComputeTwiliosPublishedExampleSignature() {
        assertThat(TwilioSignature.sign(TOKEN, URL, PARAMS)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(TwilioSignature.verify(TOKEN, URL, PARAMS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    void shouldRejectAMissingSignatureOrOneForAnotherUrlTokenOrBody() {
        assertThat(TwilioSignature.verify(TOKEN, URL, PARAMS, null)).isFalse();
        assertThat(TwilioSignature.verify(TOKEN, "https://evil.example/myapp.php?foo=1&bar=2", PARAMS,
                "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(TwilioSignature.verify("54321", URL, PARAMS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(TwilioSignature.verify(TOKEN, URL, Map.of("Digits", List.of("9999")),
                "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
    }
}
