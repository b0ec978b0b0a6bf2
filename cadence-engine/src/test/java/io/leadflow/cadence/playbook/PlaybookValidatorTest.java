package io.leadflow.cadence.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.playbook.PlaybookValidator.PlaybookProblem;

class PlaybookValidatorTest {

    private final PlaybookLoader loader = new PlaybookLoader();

    @Test
    void shouldLoadTheDefaultPlaybookWithTwelveTouchesEachWithAReason() {
        Playbook playbook = loader.readClasspath(PlaybookLoader.DEFAULT_PLAYBOOK);

        assertThat(PlaybookValidator.validate(playbook, Set.of())).isEmpty();
        assertThat(playbook.touchCount()).isEqualTo(12);
        assertThat(playbook.steps()).allSatisfy(step -> assertThat(step.reason()).isNotBlank());
        assertThat(playbook.steps().get(0).channel()).isEqualTo(PlaybookChannel.REP_ALERT);
        assertThat(playbook.steps().stream().map(Playbook.Step::after))
                .contains(Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(4), Duration.ofDays(1),
                        Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(7), Duration.ofDays(10),
                        Duration.ofDays(14), Duration.ofDays(21), Duration.ofDays(30));
        assertThat(playbook.noAnswer()).extracting(Playbook.Step::channel)
                .containsExactly(PlaybookChannel.VOICEMAIL_TASK, PlaybookChannel.SMS);
    }

    @Test
    void shouldReportEveryProblemOfAnInvalidPlaybookAtOnceNamingTheField() {
        Playbook.Step negative = new Playbook.Step(Duration.ofSeconds(-5), PlaybookChannel.SMS, "first-text", "why");
        Playbook.Step noReason = new Playbook.Step(Duration.ZERO, PlaybookChannel.EMAIL, "first-email", " ");
        Playbook.Step unknownTemplate = new Playbook.Step(Duration.ZERO, PlaybookChannel.EMAIL, "nope", "why");

        List<PlaybookProblem> problems = PlaybookValidator.validate(new Playbook("broken", 1, "Broken",
                List.of(negative, noReason, unknownTemplate), List.of()), Set.of("first-text", "first-email"));

        assertThat(problems).containsExactly(
                new PlaybookProblem("steps[0].after", "must be zero or positive"),
                new PlaybookProblem("steps[1].reason", "every touch needs a reason"),
                new PlaybookProblem("steps[2].template", "unknown template 'nope'"));
    }

    @Test
    void shouldRefuseMoreThanTwelveTouchesButNotCountRepAlerts() {
        Playbook.Step touch = new Playbook.Step(Duration.ofDays(1), PlaybookChannel.SMS, "t", "why");
        Playbook.Step alert = new Playbook.Step(Duration.ZERO, PlaybookChannel.REP_ALERT, "a", "why");

        List<Playbook.Step> twelveTouchesAndAlerts = new ArrayList<>(Collections.nCopies(12, touch));
        twelveTouchesAndAlerts.add(alert);
        twelveTouchesAndAlerts.add(alert);
        assertThat(PlaybookValidator.validate(new Playbook("ok", 1, "OK", twelveTouchesAndAlerts, null), Set.of())).isEmpty();

        List<Playbook.Step> thirteen = Collections.nCopies(13, touch);
        assertThat(PlaybookValidator.validate(new Playbook("long", 1, "Long", thirteen, null), Set.of()))
                .containsExactly(new PlaybookProblem("steps", "it has 13 touches, more than 12 (rep alerts do not count)"));
    }
}
