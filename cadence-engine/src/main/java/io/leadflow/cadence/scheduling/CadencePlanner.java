package io.leadflow.cadence.scheduling;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.cadence.EngineConfig;
import io.leadflow.cadence.lead.CadenceState;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.playbook.Playbook;
import io.leadflow.cadence.playbook.PlaybookCatalog;
import io.leadflow.cadence.playbook.PlaybookChannel;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.window.ContactWindowPolicy;
import io.leadflow.cadence.window.LeadWindows;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;

/** Turns the playbook into one lead's cadence: a touch row per step and channel, each with its time. */
@ApplicationScoped
public class CadencePlanner {

    /** Steps planned after a no-answer report are numbered from here, apart from the playbook's own. */
    static final int NO_ANSWER_STEPS = 1000;
    /** The step number of a touch a rep promised (a commitment). */
    static final int COMMITMENT_STEP = 2000;

    /** A step this soon after the inquiry is the first response to it, under the first-response policy. */
    static final Duration FIRST_RESPONSE = Duration.ofMinutes(5);

    private final PlaybookCatalog playbooks;
    private final ContactWindowPolicy contactWindow;
    private final LeadWindows windows;
    private final EngineConfig.FirstResponse firstResponse;

    CadencePlanner(PlaybookCatalog playbooks, ContactWindowPolicy contactWindow, LeadWindows windows, EngineConfig config) {
        this.playbooks = playbooks;
        this.contactWindow = contactWindow;
        this.windows = windows;
        this.firstResponse = config.firstResponse();
    }

    /** Persists the cadence and its touches; must run in the transaction that stores the lead. */
    public List<Touch> start(Lead lead, Optional<Rep> rep, Playbook playbook, Instant now) {
        Cadence cadence = new Cadence();
        cadence.id = UUID.randomUUID();
        cadence.leadId = lead.id;
        cadence.playbookId = playbook.id();
        cadence.playbookVersion = playbook.version();
        cadence.startedAt = now;
        cadence.persist();

        ContactWindowPolicy.Where where = windows.whereFor(lead);
        List<Touch> touches = new ArrayList<>();
        for (int step = 0; step < playbook.steps().size(); step++) {
            Playbook.Step playbookStep = playbook.steps().get(step);
            for (Channel channel : playbookStep.channel().deliveryChannels()) {
                Touch touch = plan(lead, where, cadence, step, playbookStep, channel, rep.map(r -> r.id).orElse(null),
                        lead.receivedAt.plus(playbookStep.after()), now);
                touch.persist();
                touches.add(touch);
            }
        }
        return touches;
    }

    /**
     * A rep reported {@code no_answer}: the steps the lead's playbook version defines for that (a
     * voicemail and a text, typically), timed from now. Must run under the lead's row lock.
     */
    public List<Touch> planNoAnswer(Lead lead, Instant now) {
        Cadence cadence = Cadence.find("leadId = ?1 order by startedAt desc", lead.id).firstResult();
        Playbook playbook = playbooks.version(cadence.playbookId, cadence.playbookVersion).orElseThrow();
        ContactWindowPolicy.Where where = windows.whereFor(lead);
        List<Touch> touches = new ArrayList<>();
        for (int step = 0; step < playbook.noAnswer().size(); step++) {
            Playbook.Step playbookStep = playbook.noAnswer().get(step);
            for (Channel channel : playbookStep.channel().deliveryChannels()) {
                Touch touch = plan(lead, where, cadence, NO_ANSWER_STEPS + step, playbookStep, channel, lead.assignedRepId,
                        now.plus(playbookStep.after()), now);
                touch.firstTouch = false;
                touch.persist();
                touches.add(touch);
            }
        }
        return touches;
    }

    /** A touch the rep promised the lead, at the promised time (inside the contact window). */
    public Touch planCommitment(Lead lead, Channel channel, String template, String reason, Instant at, Instant now) {
        Cadence cadence = Cadence.find("leadId = ?1 order by startedAt desc", lead.id).firstResult();
        Playbook.Step promised = new Playbook.Step(Duration.ZERO, PlaybookChannel.of(channel), template, reason);
        Touch touch = plan(lead, windows.whereFor(lead), cadence, COMMITMENT_STEP, promised, channel, lead.assignedRepId, at, now);
        touch.firstTouch = false;
        touch.persist();
        return touch;
    }

    /** {@code where} is the lead's, looked up once per cadence: it reads the source's holidays. */
    private Touch plan(Lead lead, ContactWindowPolicy.Where where, Cadence cadence, int step, Playbook.Step playbookStep, Channel channel,
            UUID repId, Instant wanted, Instant now) {
        Audience audience = playbookStep.channel().audience();
        Touch touch = new Touch();
        touch.id = UUID.randomUUID();
        touch.leadId = lead.id;
        touch.cadenceId = cadence.id;
        touch.step = step;
        touch.audience = audience;
        touch.recipientRepId = audience == Audience.REP ? repId : null;
        touch.channel = channel;
        touch.template = playbookStep.template();
        touch.reason = playbookStep.reason();
        touch.firstTouch = playbookStep.after().isZero();
        touch.statusAt = now;

        boolean firstResponseSentAtOnce = firstResponse == EngineConfig.FirstResponse.SEND_IMMEDIATELY
                && step < NO_ANSWER_STEPS && playbookStep.after().compareTo(FIRST_RESPONSE) < 0;
        if (firstResponseSentAtOnce) {
            touch.dueAt = wanted;
        } else {
            touch.placeAt(wanted, where, contactWindow);
        }

        String skipReason = skipReason(lead, audience, channel, repId != null);
        touch.status = skipReason == null ? TouchState.SCHEDULED : TouchState.SKIPPED;
        if (skipReason != null) {
            touch.statusReason = skipReason;
        }
        return touch;
    }

    /** Touches that can never be sent are recorded as skipped with the reason, so the timeline says why. */
    private static String skipReason(Lead lead, Audience audience, Channel channel, boolean hasRep) {
        if (audience == Audience.LEAD && !lead.reachableOn(channel)) {
            return "opted_out";
        }
        if (lead.cadenceState == CadenceState.STOPPED) {
            return "stopped: " + lead.stateReason;
        }
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
