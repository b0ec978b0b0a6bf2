package io.leadflow.notifier.rep;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Route;
import io.leadflow.notifier.delivery.Route.Transport;
import io.leadflow.notifier.optout.AddressHash;

/**
 * What the notifier remembers about reps from the touches it sends: who speaks for each lead (to
 * forward the lead's replies to) and which phone was texted a claimable alert about which lead
 * (so that a "1" or "YES" from that phone claims it). Native SQL on {@code lead_rep} and
 * {@code rep_alert}.
 */
@ApplicationScoped
public class RepDirectory {

    /** The rep a lead's reply goes to, and the name to introduce the lead with. */
    public record LeadRep(UUID repId, String repPhone, String leadName) {
    }

    /** The latest claimable alert texted to a phone. */
    public record OpenAlert(UUID leadId, UUID repId) {
    }

    private final EntityManager em;
    private final AddressHash hash;
    private final Duration claimWindow;

    public RepDirectory(EntityManager em, AddressHash hash, NotifierConfig config) {
        this.em = em;
        this.hash = hash;
        this.claimWindow = config.repClaimWindow();
    }

    /** Called for every touch about to be sent. */
    @Transactional
    public void remember(TouchDue touch, Route route, Instant now) {
        TouchDue.RepSnapshot rep = touch.rep();
        if (rep == null || rep.repId() == null) {
            return;
        }
        if (route.recipient() == Audience.LEAD) {
            em.createNativeQuery("""
                    INSERT INTO notifier.lead_rep (lead_id, rep_id, rep_phone, lead_name, updated_at)
                    VALUES (:leadId, :repId, :phone, :name, :now)
                    ON CONFLICT (lead_id) DO UPDATE SET rep_id = EXCLUDED.rep_id, rep_phone = EXCLUDED.rep_phone,
                        lead_name = EXCLUDED.lead_name, updated_at = EXCLUDED.updated_at""")
                    .setParameter("leadId", touch.leadId()).setParameter("repId", rep.repId())
                    .setParameter("phone", rep.phoneE164())
                    .setParameter("name", touch.lead() == null ? null : touch.lead().fullName())
                    .setParameter("now", now).executeUpdate();
        } else if (route.transport() == Transport.SMS && touch.links() != null
                && touch.links().containsKey(TouchDue.CLAIM_LINK)) {
            em.createNativeQuery("""
                    INSERT INTO notifier.rep_alert (phone_hash, lead_id, rep_id, sent_at)
                    VALUES (:hash, :leadId, :repId, :now)
                    ON CONFLICT (phone_hash, lead_id) DO UPDATE SET rep_id = EXCLUDED.rep_id, sent_at = EXCLUDED.sent_at""")
                    .setParameter("hash", hash.of(Transport.SMS, route.address())).setParameter("leadId", touch.leadId())
                    .setParameter("repId", rep.repId()).setParameter("now", now).executeUpdate();
        }
    }

    @Transactional
    public Optional<LeadRep> repOf(UUID leadId) {
        List<?> rows = em.createNativeQuery("SELECT rep_id, rep_phone, lead_name FROM notifier.lead_rep WHERE lead_id = :leadId")
                .setParameter("leadId", leadId).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new LeadRep((UUID) row[0], (String) row[1], (String) row[2])).findFirst();
    }

    /** The latest alert texted to this phone within the claim window, if any. */
    @Transactional
    public Optional<OpenAlert> openAlertTo(String phone, Instant now) {
        List<?> rows = em.createNativeQuery("""
                SELECT lead_id, rep_id FROM notifier.rep_alert
                 WHERE phone_hash = :hash AND sent_at > :since ORDER BY sent_at DESC LIMIT 1""")
                .setParameter("hash", hash.of(Transport.SMS, phone)).setParameter("since", now.minus(claimWindow))
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new OpenAlert((UUID) row[0], (UUID) row[1])).findFirst();
    }
}
