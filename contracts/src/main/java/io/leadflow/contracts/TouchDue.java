package io.leadflow.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code leadflow.touch.due.v1} on {@link Topics#TOUCHES_DUE} or {@link Topics#TOUCHES_DUE_PRIORITY}:
 * a touch or rep alert whose time has come. It carries what the notifier needs to render and send
 * it, because the notifier never reads the engine's database.
 *
 * @param step       position of the playbook step that planned it (0-based)
 * @param reason     why this touch exists; shown to the rep and usable in the template
 * @param window     when the touch may be delivered; the notifier defers it outside this window
 * @param firstTouch the lead's first touch or a rep alert: travels on the priority topic
 * @param audience   optional, defaults to the lead
 * @param lead       optional snapshot of the lead for personalisation
 * @param rep        optional: the assigned rep, sender of touches and recipient of alerts
 * @param links      optional named links the message may carry, e.g. {@code claim} for a rep alert
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TouchDue(
        UUID touchId,
        UUID leadId,
        UUID cadenceId,
        int step,
        Channel channel,
        String template,
        String reason,
        Instant dueAt,
        ContactWindow window,
        boolean firstTouch,
        Audience audience,
        LeadSnapshot lead,
        RepSnapshot rep,
        Map<String, String> links) {

    /** The link name of a rep alert's one-tap claim page. */
    public static final String CLAIM_LINK = "claim";

    /** Who receives this touch; a missing audience means the lead (the v1 default). */
    public Audience audienceOrDefault() {
        return audience == null ? Audience.LEAD : audience;
    }

    /** Bounds of the delivery window; either may be null for "no bound". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactWindow(Instant notBefore, Instant notAfter) {

        public boolean contains(Instant instant) {
            return (notBefore == null || !instant.isBefore(notBefore))
                    && (notAfter == null || instant.isBefore(notAfter));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadSnapshot(
            String sourceId,
            String firstName,
            String fullName,
            String email,
            String phoneE164,
            String timeZone,
            String message,
            LeadReceived.Interest interest,
            boolean test) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RepSnapshot(UUID repId, String name, String email, String phoneE164) {
    }
}
