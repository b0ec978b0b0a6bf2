package io.leadflow.intake.source;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The SHA-256 of one key a source may present. A key is high-entropy and random, so a plain SHA-256 is
 * enough to make a stolen table useless; a rotated-out key keeps working until {@link #expiresAt}.
 */
@Entity
@Table(name = "source_secret")
public class SourceSecret extends PanacheEntityBase {

    public static final String ORIGIN_CONFIG = "config";
    public static final String ORIGIN_ADMIN = "admin";

    @Id
    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "source_id")
    public String sourceId;

    public String origin;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    static List<SourceSecret> ofSource(String sourceId) {
        return list("sourceId", sourceId);
    }
}
