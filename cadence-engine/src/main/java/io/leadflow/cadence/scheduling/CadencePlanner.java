package io.leadflow.cadence.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.playbook.Playbook;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.window.ContactWindowPolicy;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;

/** Turns the playbook into one lead's cadence: a touch row per step and channel, each with its time. */
@ApplicationScoped
public class CadencePlanner {

    private final Playbook playbook;
    private final ContactWindowPolicy contactWindow;

    CadencePlanner(Playbook playbook, ContactWindowPolicy contactWindow) {
        this.playbook = playbook;
        this.contactWindow = contactWindow;
    }

    /** Persists the cadence and its touches; must run in the transaction that stores the lead. */
    public List<Touch> start(Lead lead, Optional<Rep> rep, Instant now) {
        Cadence cadence = new Cadence();
        cadence.id = UUID.randomUUID();
        cadence.leadId = lead.id;
        cadence.playbookId = playbook.id();
        cadence.playbookVersion = playbook.version();
        cadence.startedAt = now;
        cadence.persist();

        List<Touch> touches = new ArrayList<>();
        for (int step = 0; step < playbook.steps().size(); step++) {
            Playbook.Step playbookStep = playbook.steps().get(step);
            for (Channel channel : playbookStep.channel().deliveryChannels()) {
                Touch touch = plan(lead, cadence, step, playbookStep, channel, rep.isPresent(), now);
                touch.persist();
                touches.add(touch);
            }
        }
        return touches;
    }

    private Touch plan(Lead lead, Cadence cadence, int step, Playbook.Step playbookStep, Channel channel,
            boolean hasRep, Instant now) {
        Audience audience = playbookStep.channel().audience();
        Touch touch = new Touch();
        touch.id = UUID.randomUUID();
        touch.leadId = lead.id;
        touch.cadenceId = cadence.id;
        touch.step = step;
        touch.audience = audience;
        touch.channel = channel;
        touch.template = playbookStep.template();
        touch.reason = playbookStep.reason();
        touch.firstTouch = playbookStep.after().isZero();
        touch.statusAt = now;

        touch.placeAt(lead.receivedAt.plus(playbookStep.after()), ZoneId.of(lead.timeZone), contactWindow);

        String skipReason = skipReason(lead, audience, channel, hasRep);
        touch.status = skipReason == null ? TouchState.SCHEDULED : TouchState.SKIPPED;
        touch.statusReason = skipReason;
        return touch;
    }

    /** Touches that can never be sent are recorded as skipped with the reason, so the timeline says why. */
    private static String skipReason(Lead lead, Audience audience, Channel channel, boolean hasRep) {
        if (audience == Audience.REP || channel == Channel.CALL_TASK || channel == Channel.VOICEMAIL_TASK) {
            return hasRep ? null : "no_rep_available";
        }
        if (channel == Channel.SMS) {
            if (lead.phoneE164 == null) {
                return "no_phone";
            }
            return lead.smsConsent ? null : "no_sms_consent";
        }
        return lead.email == null ? "no_email" : null;
    }
}
