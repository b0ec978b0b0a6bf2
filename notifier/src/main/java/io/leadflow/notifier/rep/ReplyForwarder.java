package io.leadflow.notifier.rep;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadflow.notifier.delivery.DeliveryStatus;
import io.leadflow.notifier.delivery.Outcome;
import io.leadflow.notifier.sms.SmsSender;

/**
 * Tells the lead's rep at once what the lead answered (a text or an email reply), by text to the
 * phone the rep will answer from, sent from the lead's number with us.
 */
@ApplicationScoped
public class ReplyForwarder {

    private static final Logger LOG = Logger.getLogger(ReplyForwarder.class);
    private static final int PREVIEW_MAX = 160;

    private final RepDirectory reps;
    private final SmsSender sms;

    public ReplyForwarder(RepDirectory reps, SmsSender sms) {
        this.reps = reps;
        this.sms = sms;
    }

    /**
     * @param ours  the number the forward goes out from
     * @param means how the lead answered, as the rep reads it: {@code "((415) 555-0123)"}, {@code "by email"}
     */
    public void forward(UUID lead, String ours, String means, String preview) {
        Optional<RepDirectory.LeadRep> rep = reps.repOf(lead);
        if (rep.isEmpty() || rep.get().repPhone() == null || rep.get().repPhone().isBlank()) {
            LOG.infof("lead %s has no rep with a phone to forward the reply to", lead);
            return;
        }
        String who = rep.get().leadName() == null || rep.get().leadName().isBlank() ? "Your lead" : rep.get().leadName();
        send(ours, rep.get().repPhone(), who + " " + means + " replied: \"" + preview + "\" Call or text them back now.");
    }

    /** What a reply activity and its forward carry of the reply: at most 160 characters. */
    public static String preview(String reply) {
        String text = reply == null ? "" : reply.strip();
        return text.length() <= PREVIEW_MAX ? text : text.substring(0, PREVIEW_MAX - 3) + "...";
    }

    /** A text outside the touch flow (answers, confirmations, forwards): recorded in no delivery row. */
    public void send(String from, String to, String text) {
        Outcome outcome = sms.send(UUID.randomUUID(), from, to, text);
        if (outcome.status() != DeliveryStatus.ACCEPTED) {
            LOG.warnf("text outside the touch flow not accepted (%s %s)", outcome.reason(), outcome.providerCode());
        }
    }
}
