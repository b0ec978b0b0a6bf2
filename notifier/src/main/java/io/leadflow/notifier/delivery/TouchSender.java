package io.leadflow.notifier.delivery;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.email.EmailSender;
import io.leadflow.notifier.reply.ReplyAddresses;
import io.leadflow.notifier.sms.SmsComposer;
import io.leadflow.notifier.sms.SmsComposer.ComposedSms;
import io.leadflow.notifier.sms.SmsSender;
import io.leadflow.notifier.template.RenderedEmail;
import io.leadflow.notifier.template.TemplateData;
import io.leadflow.notifier.template.TemplateMissingException;
import io.leadflow.notifier.template.TouchTemplates;
import io.leadflow.notifier.unsubscribe.UnsubscribeLinks;

/** Renders a touch for its route (a text with its sending number), then hands it to the provider of that route. */
@ApplicationScoped
public class TouchSender {

    private final TouchTemplates templates;
    private final SmsSender sms;
    private final EmailSender email;
    private final NotifierConfig config;
    private final UnsubscribeLinks unsubscribeLinks;
    private final SmsComposer composer;
    private final ReplyAddresses replyAddresses;

    public TouchSender(TouchTemplates templates, SmsSender sms, EmailSender email, NotifierConfig config,
            UnsubscribeLinks unsubscribeLinks, SmsComposer composer, ReplyAddresses replyAddresses) {
        this.templates = templates;
        this.sms = sms;
        this.email = email;
        this.config = config;
        this.unsubscribeLinks = unsubscribeLinks;
        this.composer = composer;
        this.replyAddresses = replyAddresses;
    }

    /**
     * Renders before anything is claimed, so a missing template never leaves a send in doubt. A
     * text's lead is given its sending number here when it has none.
     *
     * @throws TemplateMissingException when the template has no file for the route's channel
     */
    public Prepared prepare(TouchDue touch, Route route) {
        return prepare(touch, route, true);
    }

    /** As {@link #prepare}, assigning and recording nothing (for previews). */
    public Prepared preview(TouchDue touch, Route route) {
        return prepare(touch, route, false);
    }

    private Prepared prepare(TouchDue touch, Route route, boolean toSend) {
        Map<String, String> data = TemplateData.of(touch, config.businessName(), config.postalAddress());
        if (route.transport() == Route.Transport.EMAIL && route.recipient() == Audience.LEAD) {
            data.put(TemplateData.UNSUBSCRIBE_URL, unsubscribeLinks.urlFor(touch.leadId(), route.address()));
        }
        // first touches, rep alerts and call reminders go ahead of nurture touches
        boolean priority = touch.firstTouch() || route.recipient() == Audience.REP;
        return switch (route.transport()) {
            case SMS -> {
                String rendered = templates.renderSms(touch.template(), data);
                ComposedSms text = toSend ? composer.compose(touch, route, rendered)
                        : composer.preview(touch, route, rendered);
                yield new Prepared(route, priority, text, null);
            }
            case EMAIL -> {
                RenderedEmail email = templates.renderEmail(touch.template(), data);
                yield new Prepared(route, priority, null, route.recipient() == Audience.LEAD
                        ? email.withReplyTo(replyAddresses.addressFor(touch.leadId())) : email);
            }
        };
    }

    /** Calls the provider; a provider failure comes back as a failed {@link Outcome}, never as an exception. */
    public Outcome send(TouchDue touch, Prepared prepared) {
        Route route = prepared.route();
        return switch (route.transport()) {
            case SMS -> sms.send(touch.touchId(), prepared.sms().fromNumber(), route.address(), prepared.sms().body());
            case EMAIL -> email.send(touch.touchId(), route.address(), prepared.email(), touch.rep()).withProvider("smtp");
        };
    }

    /** After the provider accepted the touch: what its sending number now knows about the person. */
    public void accepted(Prepared prepared) {
        if (prepared.sms() != null) {
            composer.accepted(prepared.route(), prepared.sms());
        }
    }

    /**
     * A rendered touch: {@code sms} for a text, {@code email} for an email.
     *
     * @param priority a first touch, rep alert or call reminder: sent ahead of nurture touches
     */
    public record Prepared(Route route, boolean priority, ComposedSms sms, RenderedEmail email) {
    }
}
