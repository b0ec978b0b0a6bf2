package io.leadflow.cadence.inbox;

import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.routing.LeadRouted;

/**
 * Tells every engine instance about each routing through PostgreSQL {@code NOTIFY} on
 * {@value #CHANNEL}: issued inside the routing transaction, PostgreSQL delivers it on commit and
 * drops it on rollback. The payload holds ids only; each instance reads the lead itself.
 */
@ApplicationScoped
class RoutedLeadNotices {

    static final String CHANNEL = "leadflow_lead_routed";

    /** Ids this instance's own notices carry, so its listener skips what its inboxes already heard. */
    static final UUID THIS_INSTANCE = UUID.randomUUID();

    private static final Logger LOG = Logger.getLogger(RoutedLeadNotices.class);

    /** What a notice says: the routing, and which engine instance made it. */
    record Notice(UUID leadId, UUID repId, UUID instance) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    RoutedLeadNotices(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /** Observed while the routing transaction is in progress, on its connection. */
    void onRouted(@Observes LeadRouted routed) {
        String payload = write(new Notice(routed.leadId(), routed.repId(), THIS_INSTANCE));
        // plain JDBC: a native query would flush the session in the middle of the caller's work
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
        });
    }

    /** A notice of another instance; empty for this instance's own and for anything unreadable. */
    Optional<LeadRouted> fromOtherInstance(String payload) {
        try {
            Notice notice = objectMapper.readValue(payload, Notice.class);
            return THIS_INSTANCE.equals(notice.instance()) ? Optional.empty()
                    : Optional.of(new LeadRouted(notice.leadId(), notice.repId()));
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignored an unreadable notice on %s: %s", CHANNEL, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private String write(Notice notice) {
        try {
            return objectMapper.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
