package io.leadflow.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.TouchDue;

class RouteTest {

    static final TouchDue.LeadSnapshot LEAD = new TouchDue.LeadSnapshot("web", "Maria", "Maria Lopez",
            "maria@example.com", "+14155550123", null, null, null, false);
    static final TouchDue.RepSnapshot REP = new TouchDue.RepSnapshot(UUID.randomUUID(), "Dana Whitfield",
            "dana@example.com", "+14155550199");

    @Test
    void shouldTextAndEmailTheLeadForALeadTouch() {
        assertThat(Route.of(touch(Channel.SMS, null, LEAD, REP)))
                .contains(new Route(Route.Transport.SMS, Audience.LEAD, "+14155550123"));
        assertThat(Route.of(touch(Channel.EMAIL, Audience.LEAD, LEAD, REP)))
                .contains(new Route(Route.Transport.EMAIL, Audience.LEAD, "maria@example.com"));
    }

    @Test
    void shouldTextAndEmailTheRepForAnAlert() {
        assertThat(Route.of(touch(Channel.SMS, Audience.REP, LEAD, REP)))
                .contains(new Route(Route.Transport.SMS, Audience.REP, "+14155550199"));
        assertThat(Route.of(touch(Channel.EMAIL, Audience.REP, LEAD, REP)))
                .contains(new Route(Route.Transport.EMAIL, Audience.REP, "dana@example.com"));
    }

    @Test
    void shouldRemindTheRepBySmsForACallTaskAndByEmailWhenTheRepHasNoPhone() {
        assertThat(Route.of(touch(Channel.CALL_TASK, Audience.LEAD, LEAD, REP)))
                .contains(new Route(Route.Transport.SMS, Audience.REP, "+14155550199"));
        var noPhone = new TouchDue.RepSnapshot(REP.repId(), REP.name(), REP.email(), " ");
        assertThat(Route.of(touch(Channel.VOICEMAIL_TASK, Audience.LEAD, LEAD, noPhone)))
                .contains(new Route(Route.Transport.EMAIL, Audience.REP, "dana@example.com"));
    }

    @Test
    void shouldHaveNoRouteWhenTheRecipientHasNoAddress() {
        assertThat(Route.of(touch(Channel.CALL_TASK, Audience.LEAD, LEAD, null))).isEmpty();
        assertThat(Route.of(touch(Channel.SMS, Audience.LEAD, null, REP))).isEmpty();
    }

    static TouchDue touch(Channel channel, Audience audience, TouchDue.LeadSnapshot lead, TouchDue.RepSnapshot rep) {
        return new TouchDue(UUID.randomUUID(), UUID.randomUUID(), null, 0, channel, "first-text", null,
                Instant.now(), null, true, audience, lead, rep, null);
    }
}
