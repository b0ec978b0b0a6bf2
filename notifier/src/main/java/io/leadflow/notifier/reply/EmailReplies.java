package io.leadflow.notifier.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.Channel;
import io.leadflow.notifier.activity.ActivityPublisher;
import io.leadflow.notifier.rep.ReplyForwarder;
import io.leadflow.notifier.sms.FromNumbers;

/**
 * Acts on an email sent to a reply address: a valid token makes it a {@code reply} activity for
 * that lead (the engine stops the cadence) and it is forwarded to the lead's rep; anything else is
 * logged by its key and left alone. Each email is acted on once, keyed by its Message-ID; the
 * activity id is derived from that key too, so a publish repeated after a crash, or by the IMAP
 * poller and the webhook handling the same email at once, is a duplicate downstream. The forward
 * goes out once: only the path whose insert of the key wins sends it (a crash right after that
 * insert loses the forward, never doubles it; the activity is out already).
 */
@ApplicationScoped
public class EmailReplies {

    private static final Logger LOG = Logger.getLogger(EmailReplies.class);

    /** What became of an email. */
    public enum Handled {
        REPLY, IGNORED, ALREADY_HANDLED
    }

    private final ReplyAddresses addresses;
    private final ActivityPublisher activities;
    private final ReplyForwarder forwarder;
    private final FromNumbers fromNumbers;
    private final EntityManager em;
    private final Clock clock;

    public EmailReplies(ReplyAddresses addresses, ActivityPublisher activities, ReplyForwarder forwarder,
            FromNumbers fromNumbers, EntityManager em, Clock clock) {
        this.addresses = addresses;
        this.activities = activities;
        this.forwarder = forwarder;
        this.fromNumbers = fromNumbers;
        this.em = em;
        this.clock = clock;
    }

    public Handled receive(InboundEmail email) {
        String key = keyOf(email);
        if (alreadyHandled(key)) {
            LOG.infof("inbound email %s: already handled", key);
            return Handled.ALREADY_HANDLED;
        }
        Optional<UUID> lead = addresses.leadOf(email.recipients());
        if (lead.isEmpty()) {
            LOG.infof("inbound email %s: no valid reply address (missing, forged or expired token): ignored", key);
            record(key, null, "ignored");
            return Handled.IGNORED;
        }
        String preview = ReplyForwarder.preview(ReplyText.newPart(email.text()));
        activities.publish(UUID.nameUUIDFromBytes(("email-reply|" + key).getBytes(StandardCharsets.UTF_8)), lead.get(),
                ActivityKind.REPLY, Channel.EMAIL, "lead", Map.of("preview", preview, "via", "email"));
        // the same email read over IMAP and posted to the webhook at once: the path that records it forwards it
        if (!record(key, lead.get(), "reply")) {
            LOG.infof("inbound email %s: reply from lead %s, already handled by another path", key, lead.get());
            return Handled.ALREADY_HANDLED;
        }
        LOG.infof("inbound email %s: reply from lead %s", key, lead.get());
        forwarder.forward(lead.get(), fromNumbers.peek(lead.get(), null), "(by email)", preview);
        return Handled.REPLY;
    }

    /** A SHA-256 of the Message-ID (or of the recipients and text of an email without one): never an address. */
    static String keyOf(InboundEmail email) {
        String identity = email.messageId() != null && !email.messageId().isBlank() ? email.messageId().strip()
                : String.join(",", email.recipients()) + "|" + email.text();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Transactional
    boolean alreadyHandled(String key) {
        return !em.createNativeQuery("SELECT 1 FROM notifier.inbound_email WHERE message_key = :key")
                .setParameter("key", key).getResultList().isEmpty();
    }

    /** @return false when the email was recorded already (by another path, or before a crash) */
    @Transactional
    boolean record(String key, UUID lead, String outcome) {
        return em.createNativeQuery("""
                INSERT INTO notifier.inbound_email (message_key, lead_id, outcome, received_at)
                VALUES (:key, :lead, :outcome, :now) ON CONFLICT (message_key) DO NOTHING""")
                .setParameter("key", key).setParameter("lead", lead).setParameter("outcome", outcome)
                .setParameter("now", clock.instant()).executeUpdate() == 1;
    }
}
