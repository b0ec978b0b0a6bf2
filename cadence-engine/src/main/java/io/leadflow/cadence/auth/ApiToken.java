package io.leadflow.cadence.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A bearer token for the rep and ops APIs. Only its SHA-256 is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_sha256")
    public String tokenSha256;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "rep_id")
    public UUID repId;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<ApiToken> findByPlainToken(String plainToken) {
        return find("tokenSha256", TokenHashing.sha256Hex(plainToken)).firstResultOptional();
    }

    public static ApiToken issue(String plainToken, Role role, UUID repId, Instant now) {
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.tokenSha256 = TokenHashing.sha256Hex(plainToken);
        token.role = role;
        token.repId = repId;
        token.createdAt = now;
        return token;
    }
}
