package io.leadflow.cadence.playbook;

import java.time.Duration;
import java.util.List;

/** An ordered list of steps, each timed from the lead's arrival. Data, not code: see playbooks/*.yaml. */
public record Playbook(String id, int version, String name, List<Step> steps) {

    public static final int MAX_TOUCHES = 12;

    /**
     * @param after    how long after the lead arrived the step is due
     * @param reason   why the step exists; every touch has one
     */
    public record Step(Duration after, PlaybookChannel channel, String template, String reason) {
    }

    public long touchCount() {
        return steps.stream().filter(step -> step.channel().isTouch()).count();
    }
}
