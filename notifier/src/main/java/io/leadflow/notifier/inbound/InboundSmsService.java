package io.leadflow.notifier.inbound;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.Channel;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.activity.ActivityPublisher;
import io.leadflow.notifier.delivery.Route.Transport;
import io.leadflow.notifier.optout.OptOuts;
import io.leadflow.notifier.rep.RepDirectory;
import io.leadflow.notifier.rep.ReplyForwarder;
import io.leadflow.notifier.sms.FromNumbers;
import io.leadflow.notifier.template.TemplateData;

/**
 * Acts on a text a person sent us. A "1" or "YES" from a phone that was just texted a rep alert
 * asks to claim that lead (the engine decides who wins). Otherwise: an opt-out suppresses SMS to
 * that number at once (every lead, every cadence) and is confirmed once; START re-subscribes; HELP
 * is answered; anything else is a reply, which stops the lead's cadence (the engine decides, from
 * {@code leads.activity}) and is forwarded to the lead's rep.
 */
@ApplicationScoped
public class InboundSmsService {

    private static final Logger LOG = Logger.getLogger(InboundSmsService.class);

    private final OptOuts optOuts;
    private final ActivityPublisher activities;
    private final RepDirectory reps;
    private final ReplyForwarder forwarder;
    private final FromNumbers fromNumbers;
    private final NotifierConfig config;
    private final Clock clock;

    public InboundSmsService(OptOuts optOuts, ActivityPublisher activities, RepDirectory reps, ReplyForwarder forwarder,
            FromNumbers fromNumbers, NotifierConfig config, Clock clock) {
        this.optOuts = optOuts;
        this.activities = activities;
        this.reps = reps;
        this.forwarder = forwarder;
        this.fromNumbers = fromNumbers;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param from the sender's number: used to act, never logged
     * @param to   the number they texted; our answers go out from it when it is one of ours
     */
    public void receive(String from, String to, String body) {
        String ours = fromNumbers.isOurs(to) ? to : fromNumbers.defaultNumber();
        if (SmsKeywords.isClaim(body)) {
            Optional<RepDirectory.OpenAlert> alert = reps.openAlertTo(from, clock.instant());
            if (alert.isPresent()) {
                claim(alert.get());
                return;
            }
        }
        List<UUID> leads = optOuts.leadsOf(Transport.SMS, from);
        switch (SmsKeywords.classify(body)) {
            case OPT_OUT -> optOut(ours, from, leads);
            case OPT_IN -> optIn(ours, from, leads);
            case YES -> {
                if (optOuts.isSuppressed(Transport.SMS, from)) {
                    optIn(ours, from, leads);
                } else {
                    reply(ours, from, leads, body);
                }
            }
            case HELP -> forwarder.send(ours, from, config.businessName() + ": " + config.helpContact()
                    + ". Msg&data rates may apply. Reply STOP to opt out.");
            case OTHER -> reply(ours, from, leads, body);
        }
    }

    private void claim(RepDirectory.OpenAlert alert) {
        activities.publish(alert.leadId(), ActivityKind.CLAIM_REQUESTED, Channel.SMS, "rep:" + alert.repId(),
                Map.of("via", "sms"));
        LOG.infof("inbound SMS: rep %s asks to claim lead %s", alert.repId(), alert.leadId());
    }

    private void optOut(String ours, String from, List<UUID> leads) {
        boolean added = optOuts.suppress(Transport.SMS, from, "sms_opt_out", "lead", clock.instant());
        leads.forEach(lead -> activities.publish(lead, ActivityKind.OPT_OUT, Channel.SMS, "lead", Map.of("via", "sms")));
        LOG.infof("inbound SMS: opt-out for leads %s (%s)", leads, added ? "suppressed" : "already suppressed");
        if (added) {
            forwarder.send(ours, from, config.businessName()
                    + ": you are unsubscribed and will get no more texts from us. Reply START to resubscribe.");
        }
    }

    private void optIn(String ours, String from, List<UUID> leads) {
        boolean removed = optOuts.unsuppress(Transport.SMS, from, "sms_opt_in", "lead", clock.instant());
        leads.forEach(lead -> activities.publish(lead, ActivityKind.OPT_IN, Channel.SMS, "lead", Map.of("via", "sms")));
        LOG.infof("inbound SMS: opt-in for leads %s (%s)", leads, removed ? "resubscribed" : "was not suppressed");
        if (removed) {
            forwarder.send(ours, from, config.businessName() + ": you are resubscribed. Reply HELP for help, STOP to opt out.");
        }
    }

    private void reply(String ours, String from, List<UUID> leads, String body) {
        if (leads.isEmpty()) {
            LOG.info("inbound SMS from a number that belongs to no lead: ignored");
            return;
        }
        String preview = ReplyForwarder.preview(body);
        UUID lead = leads.get(0);
        activities.publish(lead, ActivityKind.REPLY, Channel.SMS, "lead", Map.of("preview", preview));
        LOG.infof("inbound SMS: reply from lead %s", lead);
        forwarder.forward(lead, ours, "(" + TemplateData.formatPhone(from) + ")", preview);
    }
}
