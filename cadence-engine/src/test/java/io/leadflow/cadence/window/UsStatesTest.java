package io.leadflow.cadence.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsStatesTest {

    @Test
    void shouldFindTheStateOfAUsAreaCode() {
        assertThat(UsStates.ofPhone("+13055550123")).contains("FL");
        assertThat(UsStates.ofPhone("+12145550123")).contains("TX");
        assertThat(UsStates.ofPhone("+12035550123")).contains("CT");
    }

    @Test
    void shouldFindNoStateForANumberOutsideTheUs() {
        assertThat(UsStates.ofPhone("+442079460000")).isEmpty();
        assertThat(UsStates.ofPhone(null)).isEmpty();
    }
}
