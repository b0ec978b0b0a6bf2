package io.leadflow.cadence.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rep's inbox password, as a salted PBKDF2 hash. */
@Entity
@Table(name = "rep_credential")
public class RepCredential extends PanacheEntityBase {

    @Id
    @Column(name = "rep_id")
    public UUID repId;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Gives the rep this password, replacing any earlier one. */
    static void set(UUID repId, String password, Instant now) {
        RepCredential credential = RepCredential.<RepCredential>findByIdOptional(repId).orElseGet(() -> {
            RepCredential created = new RepCredential();
            created.repId = repId;
            return created;
        });
        credential.passwordHash = PasswordHashing.hash(password);
        credential.updatedAt = now;
        credential.persist();
    }
}
