package io.leadflow.cadence.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A sales rep who receives alerts and whose name and number the lead's messages carry. */
@Entity
@Table(name = "rep")
public class Rep extends PanacheEntityBase {

    public static final String DEFAULT_TEAM = "default";

    @Id
    public UUID id;

    public String name;

    public String email;

    @Column(name = "phone_e164")
    public String phoneE164;

    public boolean active = true;

    @Column(name = "last_assigned_at")
    public Instant lastAssignedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "team_id")
    public String teamId = DEFAULT_TEAM;

    @Enumerated(EnumType.STRING)
    public RepRole role = RepRole.rep;

    public static Rep create(String name, String email, String phoneE164, Instant now) {
        Rep rep = new Rep();
        rep.id = UUID.randomUUID();
        rep.name = name;
        rep.email = email;
        rep.phoneE164 = phoneE164;
        rep.createdAt = now;
        return rep;
    }
}
