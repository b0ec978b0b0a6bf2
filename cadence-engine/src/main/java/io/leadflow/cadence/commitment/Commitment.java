package io.leadflow.cadence.commitment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadflow.contracts.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rep's promise to the lead ("I'll call you at 6 pm") and whether it was kept. */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {

    public enum Status {
        OPEN,
        KEPT,
        BREACHED
    }

    @Id
    public UUID id;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "rep_id")
    public UUID repId;

    /** The promised time. */
    @Column(name = "at")
    public Instant promisedAt;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String note;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Still open then, the manager is alerted. */
    @Column(name = "breach_at")
    public Instant breachAt;
}
