package io.leadflow.cadence.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.playbook.PlaybookChannel;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.contracts.Audience;

/** Alerts outside the playbook's steps (an escalation's next rep, the manager): SMS and email, due now. */
@ApplicationScoped
public class RepAlerts {

    /** Marks a touch that no playbook step planned. */
    public static final int NO_STEP = -1;

    /** @return the persisted alert touches, due now, on the priority topic */
    public List<Touch> alert(Lead lead, Rep recipient, String template, String reason, Instant now) {
        return alert(lead, recipient, template, reason, now, now);
    }

    /** @return the persisted alert touches, due at {@code dueAt} */
    public List<Touch> alert(Lead lead, Rep recipient, String template, String reason, Instant dueAt, Instant now) {
        Cadence cadence = Cadence.find("leadId = ?1 order by startedAt desc", lead.id).firstResult();
        return PlaybookChannel.REP_ALERT.deliveryChannels().stream().map(channel -> {
            Touch touch = new Touch();
            touch.id = UUID.randomUUID();
            touch.leadId = lead.id;
            touch.cadenceId = cadence.id;
            touch.step = NO_STEP;
            touch.audience = Audience.REP;
            touch.recipientRepId = recipient.id;
            touch.channel = channel;
            touch.template = template;
            touch.reason = reason;
            touch.firstTouch = true;
            touch.dueAt = dueAt;
            touch.status = TouchState.SCHEDULED;
            touch.statusAt = now;
            touch.persist();
            return touch;
        }).toList();
    }
}
