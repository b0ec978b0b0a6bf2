package io.leadflow.cadence.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import io.leadflow.cadence.window.ContactWindowPolicy;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A planned contact with the lead, or an alert to the rep, and what became of it. */
@Entity
@Table(name = "touch")
public class Touch extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "cadence_id")
    public UUID cadenceId;

    public int step;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    /** For an alert: the rep it goes to (an escalation's next rep, the manager). */
    @Column(name = "recipient_rep_id")
    public UUID recipientRepId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String template;

    public String reason;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "window_not_before")
    public Instant windowNotBefore;

    @Column(name = "window_not_after")
    public Instant windowNotAfter;

    @Column(name = "first_touch")
    public boolean firstTouch;

    @Enumerated(EnumType.STRING)
    public TouchState status;

    /** Why the touch is in its status, e.g. {@code no_sms_consent}, {@code provider_accepted}. */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_at")
    public Instant statusAt;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    /** The later inquiry this touch answers (a "came back" alert); null for the lead's own inquiry. */
    @Column(name = "inquiry_lead_id")
    public UUID inquiryLeadId;

    @Column(name = "provider_code")
    public String providerCode;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    /** The trace of the work that planned this touch, which its dispatch continues. */
    public String traceparent;

    /**
     * Whether the rep holds one of the lead's tasks for its owner (who went off, see RepHandover): they
     * may open the lead, make the call and log what came of it.
     */
    public static boolean heldBy(UUID leadId, UUID repId) {
        return repId != null && count("leadId = ?1 and recipientRepId = ?2 and audience = ?3", leadId, repId, Audience.LEAD) > 0;
    }

    @PrePersist
    void rememberTrace() {
        if (traceparent == null) {
            traceparent = TouchTraces.current();
        }
    }

    /**
     * Sets when the touch is due: SMS and calls to the lead inside the lead's contact window (saying
     * why and to when if that moved it), the rest as wanted.
     */
    void placeAt(Instant wanted, ContactWindowPolicy.Where where, ContactWindowPolicy contactWindow) {
        if (audience == Audience.LEAD && channel.needsContactWindow()) {
            ContactWindowPolicy.Placement placement = contactWindow.place(wanted, where);
            dueAt = placement.due();
            windowNotBefore = placement.window().notBefore();
            windowNotAfter = placement.window().notAfter();
            if (placement.moved()) {
                statusReason = "outside the contact window" + (where.hours().isEmpty() ? "" : " (" + where.hours() + ")")
                        + " or a holiday; moved to " + placement.due();
            }
        } else {
            dueAt = wanted;
        }
    }
}
