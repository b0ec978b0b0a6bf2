package io.leadflow.cadence.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.activity.StopPolicy.Action;
import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.Channel;

class StopPolicyTest {

    @Test
    void shouldStopEverythingOnAReplyOnAnyChannel() {
        assertThat(StopPolicy.decide(ActivityKind.REPLY, Channel.EMAIL, Map.of("text", "thanks")))
                .isEqualTo(new StopPolicy.Decision(Action.STOP, null, "reply on email"));
    }

    @Test
    void shouldSkipOnlyTheChannelTheLeadOptedOutOf() {
        assertThat(StopPolicy.decide(ActivityKind.OPT_OUT, Channel.SMS, Map.of()))
                .isEqualTo(new StopPolicy.Decision(Action.OPT_OUT, Channel.SMS, "opted out of sms"));
        assertThat(StopPolicy.decide(ActivityKind.OPT_OUT, null, Map.of()).action()).isEqualTo(Action.STOP);
    }

    @Test
    void shouldStopOnFinalOutcomesAndABookingFollowUpANoAnswerAndOnlyRecordTheOthers() {
        for (String outcome : new String[] { "appointment_set", "not_interested", "disqualified", "closed", "appointment_booked" }) {
            assertThat(StopPolicy.decide(ActivityKind.OUTCOME, null, Map.of("outcome", outcome)).action())
                    .as(outcome).isEqualTo(Action.STOP);
        }
        assertThat(StopPolicy.decide(ActivityKind.OUTCOME, null, Map.of("outcome", "no_answer")).action())
                .isEqualTo(Action.NO_ANSWER);
        for (String outcome : new String[] { "contacted", "left_voicemail", "something_new" }) {
            assertThat(StopPolicy.decide(ActivityKind.OUTCOME, null, Map.of("outcome", outcome)).action())
                    .as(outcome).isEqualTo(Action.RECORD);
        }
    }

    @Test
    void shouldPauseResumeAndClaimOnTheirActivities() {
        assertThat(StopPolicy.decide(ActivityKind.PAUSE, null, null).action()).isEqualTo(Action.PAUSE);
        assertThat(StopPolicy.decide(ActivityKind.RESUME, null, null).action()).isEqualTo(Action.RESUME);
        assertThat(StopPolicy.decide(ActivityKind.CLAIM_REQUESTED, Channel.SMS, Map.of()).action()).isEqualTo(Action.CLAIM);
    }
}
