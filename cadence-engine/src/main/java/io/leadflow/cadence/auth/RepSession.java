package io.leadflow.cadence.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed-in rep's inbox session. The cookie's value is stored only as its SHA-256. */
@Entity
@Table(name = "rep_session")
public class RepSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_sha256")
    public String tokenSha256;

    @Column(name = "rep_id")
    public UUID repId;

    /** Every form of the inbox carries it; a POST without it is refused. */
    @Column(name = "csrf_token")
    public String csrfToken;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
