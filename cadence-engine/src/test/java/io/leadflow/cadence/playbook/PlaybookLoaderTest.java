package io.leadflow.cadence.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlaybookLoaderTest {

    private final PlaybookLoader loader = new PlaybookLoader();

    @Test
    void shouldLoadTheDefaultPlaybookWithTwelveTouchesEachWithAReason() {
        Playbook playbook = loader.readClasspath("/playbooks/default.yaml");

        assertThat(PlaybookLoader.validate(playbook)).isEmpty();
        assertThat(playbook.touchCount()).isEqualTo(12);
        assertThat(playbook.steps()).allSatisfy(step -> assertThat(step.reason()).isNotBlank());
        assertThat(playbook.steps().get(0).channel()).isEqualTo(PlaybookChannel.REP_ALERT);
        assertThat(playbook.steps().stream().map(Playbook.Step::after))
                .contains(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(4), Duration.ofDays(1),
                        Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(7), Duration.ofDays(10),
                        Duration.ofDays(14), Duration.ofDays(21), Duration.ofDays(30));
    }

    @Test
    void shouldReportEveryProblemOfAnInvalidPlaybookAtOnce() {
        Playbook.Step negative = new Playbook.Step(Duration.ofSeconds(-5), PlaybookChannel.SMS, "first-text", "why");
        Playbook.Step noReason = new Playbook.Step(Duration.ZERO, PlaybookChannel.EMAIL, "first-email", " ");
        Playbook.Step noTemplate = new Playbook.Step(Duration.ZERO, PlaybookChannel.EMAIL, null, "why");

        List<String> problems = PlaybookLoader.validate(new Playbook("broken", 1, "Broken",
                List.of(negative, noReason, noTemplate)));

        assertThat(problems).containsExactly(
                "step 0: 'after' must be zero or positive",
                "step 1: every touch needs a reason",
                "step 2: template is missing");
    }

    @Test
    void shouldRefuseMoreThanTwelveTouchesButNotCountRepAlerts() {
        Playbook.Step touch = new Playbook.Step(Duration.ofDays(1), PlaybookChannel.SMS, "t", "why");
        Playbook.Step alert = new Playbook.Step(Duration.ZERO, PlaybookChannel.REP_ALERT, "a", "why");

        List<Playbook.Step> twelveTouchesAndAlerts = new java.util.ArrayList<>(java.util.Collections.nCopies(12, touch));
        twelveTouchesAndAlerts.add(alert);
        twelveTouchesAndAlerts.add(alert);
        assertThat(PlaybookLoader.validate(new Playbook("ok", 1, "OK", twelveTouchesAndAlerts))).isEmpty();

        List<Playbook.Step> thirteen = java.util.Collections.nCopies(13, touch);
        assertThat(PlaybookLoader.validate(new Playbook("long", 1, "Long", thirteen)))
                .containsExactly("it has 13 touches, more than 12");
    }
}
