package io.leadflow.cadence.playbook;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An ordered list of steps, each timed from the lead's arrival. Data, not code: YAML files loaded
 * at start and versions added through the API. A running cadence keeps the version it started with.
 *
 * @param noAnswer steps planned when a rep reports {@code no_answer} (e.g. a voicemail and a text),
 *                 each timed from that report
 */
public record Playbook(String id, int version, String name, List<Step> steps, List<Step> noAnswer) {

    public static final int MAX_TOUCHES = 12;

    public Playbook {
        noAnswer = noAnswer == null ? List.of() : List.copyOf(noAnswer);
    }

    /**
     * @param after    how long after the lead arrived (or the no-answer report) the step is due
     * @param reason   why the step exists; every touch has one
     */
    public record Step(@JsonFormat(shape = JsonFormat.Shape.STRING) Duration after, PlaybookChannel channel,
            String template, String reason) {
    }

    public Playbook withVersion(int newVersion) {
        return new Playbook(id, newVersion, name, steps, noAnswer);
    }

    public long touchCount() {
        return steps.stream().filter(step -> step.channel().isTouch()).count();
    }
}
