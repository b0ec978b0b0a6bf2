package io.leadflow.cadence.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One run of a playbook for one lead; it keeps the playbook version it started with. */
@Entity
@Table(name = "cadence")
public class Cadence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "playbook_id")
    public String playbookId;

    @Column(name = "playbook_version")
    public int playbookVersion;

    @Column(name = "started_at")
    public Instant startedAt;
}
