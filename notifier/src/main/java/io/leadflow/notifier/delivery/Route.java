package io.leadflow.notifier.delivery;

import java.util.Optional;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.TouchDue;

/**
 * Where a touch goes and how. A call or voicemail task is a reminder to the rep: an SMS to the
 * rep's phone, or an email when the rep has no phone.
 *
 * @param address a phone number or an email address: never log it
 */
public record Route(Transport transport, Audience recipient, String address) {

    public enum Transport {
        SMS, EMAIL;

        public String dbValue() {
            return this == SMS ? "sms" : "email";
        }
    }

    /** The route for a touch, or empty when the recipient has no address for it. */
    public static Optional<Route> of(TouchDue touch) {
        TouchDue.LeadSnapshot lead = touch.lead();
        TouchDue.RepSnapshot rep = touch.rep();
        boolean toLead = touch.audienceOrDefault() == Audience.LEAD;
        String leadPhone = lead == null ? null : lead.phoneE164();
        String leadEmail = lead == null ? null : lead.email();
        String repPhone = rep == null ? null : rep.phoneE164();
        String repEmail = rep == null ? null : rep.email();
        return switch (touch.channel()) {
            case SMS -> route(Transport.SMS, toLead ? Audience.LEAD : Audience.REP, toLead ? leadPhone : repPhone);
            case EMAIL -> route(Transport.EMAIL, toLead ? Audience.LEAD : Audience.REP, toLead ? leadEmail : repEmail);
            case CALL_TASK, VOICEMAIL_TASK -> route(Transport.SMS, Audience.REP, repPhone)
                    .or(() -> route(Transport.EMAIL, Audience.REP, repEmail));
        };
    }

    private static Optional<Route> route(Transport transport, Audience recipient, String address) {
        return address == null || address.isBlank()
                ? Optional.empty()
                : Optional.of(new Route(transport, recipient, address.strip()));
    }
}
