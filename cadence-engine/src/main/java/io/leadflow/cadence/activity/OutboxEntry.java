package io.leadflow.cadence.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A lead.activity the engine owes the topic; deleted once the broker has acknowledged it. */
@Entity
@Table(name = "outbox")
public class OutboxEntry extends PanacheEntityBase {

    /** The activity's id, which is also its CloudEvents id. */
    @Id
    public UUID id;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "payload_json")
    public String payloadJson;

    @Column(name = "created_at")
    public Instant createdAt;
}
