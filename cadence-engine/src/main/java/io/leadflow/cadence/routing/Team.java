package io.leadflow.cadence.routing;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Reps who share a rotation, and the manager an unclaimed lead ends up with. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "manager_rep_id")
    public UUID managerRepId;

    /** Gets the lead under availability routing when no rep of the team is on and within hours. */
    @Column(name = "on_call_rep_id")
    public UUID onCallRepId;

    /** The manager of a team, or null when the team has none. */
    public static Rep managerOf(String teamId) {
        Team team = findById(teamId);
        return team == null || team.managerRepId == null ? null : Rep.findById(team.managerRepId);
    }
}
