package clinic.smp.security;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import clinic.smp.common.Ids;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.intake.Text;

/** Creates, lists, revokes and checks API keys. Built at startup, so a malformed bootstrap key stops the start. */
@Startup
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    /** Who is calling: the key's label (name and prefix) and its roles. */
    public record Caller(String label, Set<String> roles) {
    }

    static final String BOOTSTRAP_LABEL = "bootstrap (configuration)";

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final Optional<String> bootstrapHash;

    public ApiKeys(ApiKeyRepository repository, Clock clock, SecurityConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.bootstrapHash = config.bootstrapStaffKey().filter(k -> !k.isBlank()).map(key -> {
            if (key.length() < 32) {
                throw new IllegalStateException("smp.security.bootstrap-staff-key must be at least 32 characters");
            }
            return ApiKeySecrets.hash(key);
        });
    }

    /** @return the caller a presented key belongs to, if it is a live key */
    @Transactional
    public Optional<Caller> authenticate(String presented) {
        if (bootstrapHash.isPresent() && ApiKeySecrets.matches(bootstrapHash.get(), presented)) {
            return Optional.of(new Caller(BOOTSTRAP_LABEL, Set.of(Roles.STAFF)));
        }
        String prefix = ApiKeySecrets.prefixOf(presented);
        if (prefix == null) {
            return Optional.empty();
        }
        return repository.find("prefix", prefix).firstResultOptional()
                .filter(key -> key.revokedAt == null && ApiKeySecrets.matches(key.secretHash, presented))
                .map(key -> new Caller(key.label(), new LinkedHashSet<>(key.roleList())));
    }

    /** A new key; the returned secret is shown once and never stored. */
    @Transactional
    public Created create(String name, List<String> roles, String createdBy) {
        ApiKeySecrets.NewKey secret = ApiKeySecrets.generate();
        ApiKey key = new ApiKey();
        key.id = Ids.newId(clock);
        key.name = Text.strip(name);
        key.prefix = secret.prefix();
        key.secretHash = ApiKeySecrets.hash(secret.key());
        key.roles = String.join(",", new LinkedHashSet<>(roles));
        key.createdAt = clock.instant();
        key.createdBy = createdBy;
        repository.persist(key);
        // An audit line: which key, which roles (never the secret; the name is staff's free text, so not that either).
        LOG.infof("API key %s created with roles %s", key.prefix, key.roles);
        return new Created(key, secret.key());
    }

    public record Created(ApiKey key, String secret) {
    }

    public List<ApiKey> list() {
        return repository.list("order by createdAt, id");
    }

    @Transactional
    public ApiKey revoke(UUID id) {
        ApiKey key = repository.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No API key has this id."));
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
            LOG.infof("API key %s revoked", key.prefix);
        }
        return key;
    }
}
