package io.leadflow.notifier.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadflow.notifier.inbound.SmsKeywords.Intent;

class SmsKeywordsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // carrier keywords, as the whole message
            "STOP | OPT_OUT", "stop | OPT_OUT", " Stop. | OPT_OUT", "STOPALL | OPT_OUT", "UNSUBSCRIBE | OPT_OUT",
            "cancel | OPT_OUT", "END | OPT_OUT", "quit | OPT_OUT", "REVOKE | OPT_OUT", "OPTOUT | OPT_OUT",
            "START | OPT_IN", "unstop | OPT_IN", "YES | YES", "y | YES", "HELP | HELP", "info | HELP",
            // plain-language revocations
            "please stop texting me | OPT_OUT", "Stop texting me!! | OPT_OUT", "stop sending me messages | OPT_OUT",
            "Can you stop messaging me please | OPT_OUT", "don't text me anymore | OPT_OUT",
            "Do not contact me again | OPT_OUT", "dont text me | OPT_OUT", "Remove me from your list | OPT_OUT",
            "take my number off your list | OPT_OUT", "please unsubscribe me | OPT_OUT", "opt me out | OPT_OUT",
            "no more texts please | OPT_OUT", "Leave me alone | OPT_OUT", "please stop | OPT_OUT",
            "STOP IT NOW | OPT_OUT", "We bought elsewhere, stop contacting me | OPT_OUT",
            "I don’t want these, stop texting | OPT_OUT",
            // replies that mention stopping, and are not a revocation
            "can I stop by Saturday? | OTHER", "don't stop | OTHER", "stop in at the model home? | OTHER",
            "We'll stop by the model home tomorrow | OTHER", "don't stop texting me, I like the updates | OTHER",
            "Is there a bus stop near Oak Ridge? | OTHER", "Please text me the address | OTHER",
            "don't text me before 5pm, I'm at work | OTHER", "Yes, Saturday works | OTHER",
            "Can't stop thinking about that kitchen | OTHER", "we are ending our lease in June | OTHER",
            "Help me find a 3-bedroom | OTHER", "What's the price? | OTHER", "Starting to look in June | OTHER",
    })
    void shouldClassifyAnInboundText(String body, Intent expected) {
        assertThat(SmsKeywords.classify(body)).isEqualTo(expected);
    }
}
