package io.leadflow.notifier.sms;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Route;
import io.leadflow.notifier.optout.AddressHash;

/**
 * Makes a rendered text ready to go: the lead's sending number, and the introduction (business
 * name, "Reply STOP to opt out") when that number has not texted this person before. Texts to
 * reps are work alerts from their own company and get no introduction.
 */
@ApplicationScoped
public class SmsComposer {

    private final FromNumbers fromNumbers;
    private final SenderIntroductions introductions;
    private final AddressHash hash;
    private final String businessName;
    private final Clock clock;

    public SmsComposer(FromNumbers fromNumbers, SenderIntroductions introductions, AddressHash hash,
            NotifierConfig config, Clock clock) {
        this.fromNumbers = fromNumbers;
        this.introductions = introductions;
        this.hash = hash;
        this.businessName = config.businessName();
        this.clock = clock;
    }

    /** A text to be sent: the lead is given its sending number now if it has none. */
    public ComposedSms compose(TouchDue touch, Route route, String rendered) {
        return compose(route, rendered, fromNumbers.assignedTo(touch.leadId(), sourceOf(touch), clock.instant()));
    }

    /** The same text as it would go out, assigning and recording nothing. */
    public ComposedSms preview(TouchDue touch, Route route, String rendered) {
        return compose(route, rendered, fromNumbers.peek(touch.leadId(), sourceOf(touch)));
    }

    /** Called once the provider accepted the text: its number has now introduced itself to the person. */
    public void accepted(Route route, ComposedSms sms) {
        if (sms.introduces() && route.recipient() == Audience.LEAD) {
            introductions.remember(sms.fromNumber(), hash.of(Route.Transport.SMS, route.address()), clock.instant());
        }
    }

    private ComposedSms compose(Route route, String rendered, String fromNumber) {
        if (route.recipient() != Audience.LEAD) {
            return new ComposedSms(fromNumber, rendered, false);
        }
        String body = introductions.introduced(fromNumber, hash.of(Route.Transport.SMS, route.address()))
                ? rendered
                : SenderIntroductions.withIntroduction(rendered, businessName);
        return new ComposedSms(fromNumber, body, SenderIntroductions.introduces(body, businessName));
    }

    private static String sourceOf(TouchDue touch) {
        return touch.lead() == null ? null : touch.lead().sourceId();
    }

    /**
     * @param introduces whether the body names the business and says how to opt out
     */
    public record ComposedSms(String fromNumber, String body, boolean introduces) {

        public int segments() {
            return SmsSegments.count(body);
        }
    }
}
