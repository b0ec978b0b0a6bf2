package io.leadflow.notifier.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderIntroductionsTest {

    static final String BUSINESS = "Oak Ridge Homes";

    @Test
    void shouldAddTheOptOutLineToATextThatNamesTheBusinessOnly() {
        String text = "Hi Maria, Dana from Oak Ridge Homes again. What matters most?";

        assertThat(SenderIntroductions.withIntroduction(text, BUSINESS))
                .isEqualTo("Hi Maria, Dana from Oak Ridge Homes again. What matters most? Reply STOP to opt out");
    }

    @Test
    void shouldAddTheBusinessAndTheOptOutLineToATextWithNeither() {
        assertThat(SenderIntroductions.withIntroduction("Hi Maria, when is a good time to talk?", BUSINESS))
                .isEqualTo("Hi Maria, when is a good time to talk? Oak Ridge Homes: Reply STOP to opt out");
    }

    @Test
    void shouldLeaveATextThatAlreadyIntroducesTheBusinessAsItIs() {
        String text = "Hi Maria, it's Dana with Oak Ridge Homes. What made you reach out? Reply STOP to opt out";

        assertThat(SenderIntroductions.withIntroduction(text, BUSINESS)).isEqualTo(text);
        assertThat(SenderIntroductions.introduces(text, BUSINESS)).isTrue();
        assertThat(SenderIntroductions.introduces("Dana from Oak Ridge Homes: can you stop by Saturday?", BUSINESS))
                .isFalse();
    }
}
