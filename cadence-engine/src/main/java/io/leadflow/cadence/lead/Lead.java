package io.leadflow.cadence.lead;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.leadflow.contracts.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A lead as the engine keeps it: who they are, what they asked, who has them, how fast we were. */
@Entity
@Table(name = "lead")
public class Lead extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "source_id")
    public String sourceId;

    /** Stamped by intake when the request arrived: speed to lead counts from here. */
    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "ingested_at")
    public Instant ingestedAt;

    @Column(name = "is_test")
    public boolean test;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "full_name")
    public String fullName;

    public String email;

    @Column(name = "phone_e164")
    public String phoneE164;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "time_zone_basis")
    public String timeZoneBasis;

    /** Two-letter US state every location candidate agrees on, for that state's contact hours; null if unknown. */
    @Column(name = "us_state")
    public String usState;

    /** Normalized by intake, e.g. {@code 75001}; null when the lead gave none. */
    @Column(name = "postal_code")
    public String postalCode;

    /** ISO 3166 country the postal code was read for, e.g. {@code US}. */
    @Column(name = "postal_country")
    public String postalCountry;

    /**
     * Where the lead may be, {@code ;}-separated {@code zone [state]}: several when the location is ambiguous, and
     * SMS and calls then go only when every place's window is open. Null on leads from before it was kept.
     */
    @Column(name = "contact_places")
    public String contactPlaces;

    /** What told us where the lead is, and the hours that follow when it was ambiguous; for the timeline. */
    @Column(name = "location_basis")
    public String locationBasis;

    public String message;

    @Column(name = "interest_json")
    public String interestJson;

    @Column(name = "sms_consent")
    public boolean smsConsent;

    @Column(name = "email_consent")
    public boolean emailConsent;

    @Column(name = "assigned_rep_id")
    public UUID assignedRepId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** Why the assigned rep, e.g. {@code weighted: Alice weight 3 of 6}; also when nobody could be assigned. */
    @Column(name = "routing_reason")
    public String routingReason;

    @Column(name = "first_touch_at")
    public Instant firstTouchAt;

    @Column(name = "speed_to_first_touch_ms")
    public Long speedToFirstTouchMs;

    @Column(name = "rep_alert_at")
    public Instant repAlertAt;

    @Column(name = "speed_to_rep_alert_ms")
    public Long speedToRepAlertMs;

    @Column(name = "claimed_by_rep_id")
    public UUID claimedByRepId;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    /** Unclaimed past this moment, the lead escalates; null once claimed or owned by the manager. */
    @Column(name = "claim_due_at")
    public Instant claimDueAt;

    /** How many times the lead went to another rep because nobody claimed it. */
    public int escalations;

    @Enumerated(EnumType.STRING)
    @Column(name = "cadence_state")
    public CadenceState cadenceState = CadenceState.ACTIVE;

    /** Why the cadence is paused or stopped, e.g. {@code reply on sms}. */
    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "state_at")
    public Instant stateAt;

    /** Set on a returning lead's later inquiry: the lead it was merged into, which carries on. */
    @Column(name = "merged_into_lead_id")
    public UUID mergedIntoLeadId;

    @Column(name = "sms_opted_out")
    public boolean smsOptedOut;

    @Column(name = "email_opted_out")
    public boolean emailOptedOut;

    /** Whether the lead may still be reached on this channel by any cadence. */
    public boolean reachableOn(Channel channel) {
        return switch (channel) {
            case SMS -> !smsOptedOut;
            case EMAIL -> !emailOptedOut;
            case CALL_TASK, VOICEMAIL_TASK -> true;
        };
    }

    /** No cadence reaches the lead on this channel again; calls are not a channel one opts out of here. */
    public void optOut(Channel channel) {
        if (channel == Channel.SMS) {
            smsOptedOut = true;
        } else if (channel == Channel.EMAIL) {
            emailOptedOut = true;
        }
    }

    public static Lead lockById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
