package io.leadflow.notifier.delivery;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.email.EmailSender;
import io.leadflow.notifier.sms.TwilioSmsSender;
import io.leadflow.notifier.template.RenderedEmail;
import io.leadflow.notifier.template.TemplateData;
import io.leadflow.notifier.template.TemplateMissingException;
import io.leadflow.notifier.template.TouchTemplates;
import io.leadflow.notifier.unsubscribe.UnsubscribeLinks;

/** Renders a touch for its route, then hands it to the provider of that route. */
@ApplicationScoped
public class TouchSender {

    private final TouchTemplates templates;
    private final TwilioSmsSender sms;
    private final EmailSender email;
    private final NotifierConfig config;
    private final UnsubscribeLinks unsubscribeLinks;

    public TouchSender(TouchTemplates templates, TwilioSmsSender sms, EmailSender email, NotifierConfig config,
            UnsubscribeLinks unsubscribeLinks) {
        this.templates = templates;
        this.sms = sms;
        this.email = email;
        this.config = config;
        this.unsubscribeLinks = unsubscribeLinks;
    }

    /**
     * Renders before anything is claimed, so a missing template never leaves a send in doubt.
     *
     * @throws TemplateMissingException when the template has no file for the route's channel
     */
    public Prepared prepare(TouchDue touch, Route route) {
        Map<String, String> data = TemplateData.of(touch, config.businessName(), config.postalAddress());
        if (route.transport() == Route.Transport.EMAIL && route.recipient() == Audience.LEAD) {
            data.put(TemplateData.UNSUBSCRIBE_URL, unsubscribeLinks.urlFor(touch.leadId(), route.address()));
        }
        return switch (route.transport()) {
            case SMS -> new Prepared(route, templates.renderSms(touch.template(), data), null);
            case EMAIL -> new Prepared(route, null, templates.renderEmail(touch.template(), data));
        };
    }

    /** Calls the provider; a provider failure comes back as a failed {@link Outcome}, never as an exception. */
    public Outcome send(TouchDue touch, Prepared prepared) {
        Route route = prepared.route();
        return switch (route.transport()) {
            case SMS -> sms.send(touch.touchId(), route.address(), prepared.sms());
            case EMAIL -> email.send(touch.touchId(), route.address(), prepared.email(), touch.rep());
        };
    }

    /** A rendered touch: {@code sms} for a text, {@code email} for an email. */
    public record Prepared(Route route, String sms, RenderedEmail email) {
    }
}
