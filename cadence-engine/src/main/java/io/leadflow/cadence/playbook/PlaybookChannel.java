package io.leadflow.cadence.playbook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;

/** A playbook step's channel: a touch on one channel, or an alert to the rep on SMS and email. */
public enum PlaybookChannel {
    @JsonProperty("sms") SMS(Audience.LEAD, List.of(Channel.SMS)),
    @JsonProperty("email") EMAIL(Audience.LEAD, List.of(Channel.EMAIL)),
    @JsonProperty("call_task") CALL_TASK(Audience.LEAD, List.of(Channel.CALL_TASK)),
    @JsonProperty("voicemail_task") VOICEMAIL_TASK(Audience.LEAD, List.of(Channel.VOICEMAIL_TASK)),
    @JsonProperty("rep_alert") REP_ALERT(Audience.REP, List.of(Channel.SMS, Channel.EMAIL));

    private final Audience audience;
    private final List<Channel> deliveryChannels;

    PlaybookChannel(Audience audience, List<Channel> deliveryChannels) {
        this.audience = audience;
        this.deliveryChannels = deliveryChannels;
    }

    public Audience audience() {
        return audience;
    }

    /** The channels a step on this playbook channel is delivered on: one touch row each. */
    public List<Channel> deliveryChannels() {
        return deliveryChannels;
    }

    /** The playbook channel of a touch to the lead on this delivery channel. */
    public static PlaybookChannel of(Channel channel) {
        return switch (channel) {
            case SMS -> SMS;
            case EMAIL -> EMAIL;
            case CALL_TASK -> CALL_TASK;
            case VOICEMAIL_TASK -> VOICEMAIL_TASK;
        };
    }

    /** Rep alerts are not touches and do not count toward a playbook's 12. */
    public boolean isTouch() {
        return audience == Audience.LEAD;
    }
}
