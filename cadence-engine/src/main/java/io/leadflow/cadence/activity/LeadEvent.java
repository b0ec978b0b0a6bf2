package io.leadflow.cadence.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A line of the lead's timeline that is not a touch: an activity from leads.activity (its id is the
 * event's, so a redelivery is applied once) or one of the engine's own decisions (claim, escalation).
 */
@Entity
@Table(name = "lead_event")
public class LeadEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "lead_id")
    public UUID leadId;

    public Instant at;

    /** The activity kind on the wire ({@code reply}, {@code opt_out}…) or the engine's ({@code escalated}…). */
    public String kind;

    public String channel;

    /** {@code lead}, {@code rep:<id>}, {@code ops} or {@code engine}. */
    public String actor;

    public String detail;

    /** What the engine did about it. */
    public String effect;

    public static LeadEvent of(UUID leadId, Instant at, String kind, String actor, String detail) {
        LeadEvent event = new LeadEvent();
        event.id = UUID.randomUUID();
        event.leadId = leadId;
        event.at = at;
        event.kind = kind;
        event.actor = actor;
        event.detail = detail;
        return event;
    }
}
