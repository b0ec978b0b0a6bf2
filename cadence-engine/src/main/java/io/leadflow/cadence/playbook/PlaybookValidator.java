package io.leadflow.cadence.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every problem of a playbook at once, each naming its field, so whoever edits it fixes them in one go. */
public final class PlaybookValidator {

    private PlaybookValidator() {
    }

    /** @param field as in the playbook's JSON, e.g. {@code steps[2].template} */
    public record PlaybookProblem(String field, String message) {
    }

    /** @param knownTemplates the templates the notifier can render; empty skips that check */
    public static List<PlaybookProblem> validate(Playbook playbook, Set<String> knownTemplates) {
        List<PlaybookProblem> problems = new ArrayList<>();
        if (playbook.id() == null || playbook.id().isBlank()) {
            problems.add(new PlaybookProblem("id", "is missing"));
        }
        if (playbook.steps() == null || playbook.steps().isEmpty()) {
            problems.add(new PlaybookProblem("steps", "there are no steps"));
            return problems;
        }
        validateSteps("steps", playbook.steps(), knownTemplates, problems);
        validateSteps("noAnswer", playbook.noAnswer(), knownTemplates, problems);
        if (playbook.steps().stream().allMatch(step -> step != null && step.channel() != null)
                && playbook.touchCount() > Playbook.MAX_TOUCHES) {
            problems.add(new PlaybookProblem("steps", "it has " + playbook.touchCount() + " touches, more than "
                    + Playbook.MAX_TOUCHES + " (rep alerts do not count)"));
        }
        return problems;
    }

    private static void validateSteps(String field, List<Playbook.Step> steps, Set<String> knownTemplates,
            List<PlaybookProblem> problems) {
        for (int i = 0; i < steps.size(); i++) {
            String at = field + "[" + i + "]";
            Playbook.Step step = steps.get(i);
            if (step == null) {
                problems.add(new PlaybookProblem(at, "is empty"));
                continue;
            }
            if (step.after() == null || step.after().isNegative()) {
                problems.add(new PlaybookProblem(at + ".after", "must be zero or positive"));
            }
            if (step.channel() == null) {
                problems.add(new PlaybookProblem(at + ".channel", "is missing"));
            }
            if (step.template() == null || step.template().isBlank()) {
                problems.add(new PlaybookProblem(at + ".template", "is missing"));
            } else if (!knownTemplates.isEmpty() && !knownTemplates.contains(step.template())) {
                problems.add(new PlaybookProblem(at + ".template", "unknown template '" + step.template() + "'"));
            }
            if (step.reason() == null || step.reason().isBlank()) {
                problems.add(new PlaybookProblem(at + ".reason", "every touch needs a reason"));
            }
        }
    }
}
