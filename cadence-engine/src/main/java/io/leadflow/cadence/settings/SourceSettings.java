package io.leadflow.cadence.settings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A lead source's own cadence settings, keyed by the {@code sourceId} on leads.received. */
@Entity
@Table(name = "source_settings")
public class SourceSettings extends PanacheEntityBase {

    @Id
    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "playbook_id")
    public String playbookId;

    @Column(name = "claim_sla_ms")
    public long claimSlaMs;

    /** Reps an unclaimed lead is offered to, in order; empty: the team's rotation picks them. */
    @Column(name = "escalation_chain")
    public UUID[] escalationChain;

    @Column(name = "max_fallbacks")
    public int maxFallbacks;

    /** Local dates on which no SMS or call goes out. */
    public LocalDate[] holidays;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A {@code RoutingStrategy}'s wire name: round-robin, weighted, rules or availability. */
    @Column(name = "routing_strategy")
    public String routingStrategy;

    @Column(name = "team_id")
    public String teamId;

    /** The {@code RoutingRule}s as a JSON array; null: none. */
    @Column(name = "routing_rules_json")
    public String routingRulesJson;
}
