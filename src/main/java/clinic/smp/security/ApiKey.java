package clinic.smp.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored API key: its name, roles, public prefix and the hash of its secret. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 16)
    public String prefix;

    @Column(name = "secret_hash", nullable = false, length = 64, columnDefinition = "bpchar(64)")
    public String secretHash;

    /** Comma-separated. */
    @Column(nullable = false, length = 64)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public List<String> roleList() {
        return Arrays.asList(roles.split(","));
    }

    /** How this key is named in records of what it did. */
    public String label() {
        return name + " (" + prefix + ")";
    }
}
