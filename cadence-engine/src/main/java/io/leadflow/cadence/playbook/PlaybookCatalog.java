package io.leadflow.cadence.playbook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.EngineConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Every version of every playbook, in the {@code playbook} table. The YAML playbooks (the bundled
 * default, and {@code leadflow.engine.playbook-file} which becomes the default for sources without
 * one) are stored at start; versions added through the API get the next number. A version never
 * changes once stored, so versions are cached.
 */
@ApplicationScoped
public class PlaybookCatalog {

    private static final Logger LOG = Logger.getLogger(PlaybookCatalog.class);

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Set<String> knownTemplates;
    private final Playbook defaultPlaybook;
    private final List<Playbook> bundled = new ArrayList<>();
    private final Map<String, Playbook> versions = new ConcurrentHashMap<>();

    PlaybookCatalog(EntityManager entityManager, ObjectMapper objectMapper, Clock clock, EngineConfig config) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.knownTemplates = new HashSet<>(config.templates());
        PlaybookLoader loader = new PlaybookLoader();
        Playbook builtIn = loader.readClasspath(PlaybookLoader.DEFAULT_PLAYBOOK);
        bundled.add(builtIn);
        defaultPlaybook = config.playbookFile().map(loader::readFile).orElse(builtIn);
        if (defaultPlaybook != builtIn) {
            bundled.add(defaultPlaybook);
        }
        for (Playbook playbook : bundled) {
            List<PlaybookValidator.PlaybookProblem> problems = validate(playbook);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Playbook " + playbook.id() + " is invalid: " + problems);
            }
        }
    }

    @Transactional
    void storeBundled(@Observes StartupEvent start) {
        for (Playbook playbook : bundled) {
            if (!insert(playbook)) {
                Optional<Playbook> stored = version(playbook.id(), playbook.version());
                if (stored.isPresent() && !stored.get().equals(playbook)) {
                    LOG.warnf("Playbook %s version %d in the YAML differs from the stored one; the stored one runs. "
                            + "Give the changed playbook a new version.", playbook.id(), playbook.version());
                }
            }
        }
    }

    /** The playbook for sources without one of their own. */
    public Playbook defaultPlaybook() {
        return defaultPlaybook;
    }

    public List<PlaybookValidator.PlaybookProblem> validate(Playbook playbook) {
        return PlaybookValidator.validate(playbook, knownTemplates);
    }

    public Optional<Playbook> latest(String id) {
        @SuppressWarnings("unchecked")
        List<Integer> latest = entityManager.createNativeQuery("select max(version) from playbook where id = :id", Integer.class)
                .setParameter("id", id).getResultList();
        return latest.stream().filter(Objects::nonNull).findFirst().flatMap(version -> version(id, version));
    }

    public Optional<Playbook> version(String id, int version) {
        Playbook cached = versions.get(key(id, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        @SuppressWarnings("unchecked")
        List<String> definition = entityManager
                .createNativeQuery("select definition_json from playbook where id = :id and version = :version", String.class)
                .setParameter("id", id).setParameter("version", version).getResultList();
        return definition.stream().findFirst().map(json -> {
            Playbook playbook = fromJson(json);
            versions.put(key(id, version), playbook);
            return playbook;
        });
    }

    /** The latest version of each playbook. */
    public List<Playbook> all() {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager.createNativeQuery("select distinct id from playbook order by id", String.class)
                .getResultList();
        return ids.stream().map(this::latest).flatMap(Optional::stream).toList();
    }

    /** Stores a valid playbook as the next version of its id. */
    @Transactional
    public Playbook addVersion(Playbook playbook) {
        // one writer per playbook id at a time, so two new versions never get the same number
        entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:id))) locked").setParameter("id", playbook.id())
                .getSingleResult();
        int next = latest(playbook.id()).map(Playbook::version).orElse(0) + 1;
        Playbook versioned = playbook.withVersion(next);
        insert(versioned);
        return versioned;
    }

    private boolean insert(Playbook playbook) {
        return entityManager.createNativeQuery("""
                insert into playbook (id, version, name, definition_json, created_at)
                values (:id, :version, :name, :definition, :createdAt)
                on conflict (id, version) do nothing""")
                .setParameter("id", playbook.id())
                .setParameter("version", playbook.version())
                .setParameter("name", playbook.name() == null ? playbook.id() : playbook.name())
                .setParameter("definition", toJson(playbook))
                .setParameter("createdAt", clock.instant())
                .executeUpdate() == 1;
    }

    private static String key(String id, int version) {
        return id + "@" + version;
    }

    private String toJson(Playbook playbook) {
        try {
            return objectMapper.writeValueAsString(playbook);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Playbook " + playbook.id() + " cannot be written as JSON", e);
        }
    }

    private Playbook fromJson(String json) {
        try {
            return objectMapper.readValue(json, Playbook.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored playbook is not valid JSON", e);
        }
    }
}
