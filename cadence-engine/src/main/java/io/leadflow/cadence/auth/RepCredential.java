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

    static RepCredential of(UUID repId, String password, Instant now) {
        RepCredential credential = new RepCredential();
        credential.repId = repId;
        credential.passwordHash = PasswordHashing.hash(password);
        credential.updatedAt = now;
        return credential;
    }
}
