package io.leadflow.cadence.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A sales rep who receives alerts and whose name and number the lead's messages carry. Updates write
 * only the changed columns: routing (under the team's lock) and the reps API change the same row.
 */
@Entity
@DynamicUpdate
@Table(name = "rep")
public class Rep extends PanacheEntityBase {

    public static final String DEFAULT_TEAM = "default";

    @Id
    public UUID id;

    public String name;

    public String email;

    @Column(name = "phone_e164")
    public String phoneE164;

    /** The account: an inactive rep cannot sign in and gets nothing. */
    public boolean active = true;

    /** Takes new leads (the API's {@code on}); a rep going off hands their unclaimed leads over. */
    @Column(name = "on_duty")
    public boolean onDuty = true;

    /** The zone of the rep's working hours. */
    @Column(name = "time_zone")
    public String timeZone = "UTC";

    /** {@link WorkingHours} as JSON; null: no hours set, always within hours. */
    @Column(name = "working_hours_json")
    @Convert(converter = WorkingHoursConverter.class)
    public WorkingHours workingHours;

    /** The rep's share under weighted routing, 1 to 100. */
    public int weight = 1;

    /** Smooth weighted round robin's running credit; changed only under the team's row lock. */
    @Column(name = "weighted_credit")
    public long weightedCredit;

    @Column(name = "last_assigned_at")
    public Instant lastAssignedAt;

    /** The rotation's order: least recently assigned first. */
    @Column(name = "last_assignment_seq")
    public Long lastAssignmentSeq;

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
