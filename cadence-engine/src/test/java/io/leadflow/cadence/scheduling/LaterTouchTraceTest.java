package io.leadflow.cadence.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.KafkaTestClient;
import io.leadflow.cadence.KafkaTestClient.TopicReader;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class LaterTouchTraceTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void shouldPublishATouchTheSchedulerDispatchesLaterInTheTraceOfTheLeadsArrival() {
        String traceId = randomHex(16);
        String intakeSpan = randomHex(8);
        LeadReceived lead = TestLeads.inDaytime(true);
        try (TopicReader<TouchDue> regular = KafkaTestClient.read(Topics.TOUCHES_DUE, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead,
                    Map.of("traceparent", "00-" + traceId + "-" + intakeSpan + "-01"));

            // the test playbook's second text is due 2 s after the lead: the poller dispatches it
            await().atMost(BOUND).until(() -> laterText(regular.poll(), lead.leadId()) != null);
            TouchDue later = laterText(regular.poll(), lead.leadId());

            String[] traceparent = regular.traceparentOf(later).orElseThrow().split("-");
            assertThat(traceparent[1]).as("trace id").isEqualTo(traceId);
            assertThat(traceparent[2]).as("the engine's own span").isNotEqualTo(intakeSpan);
        }
    }

    private static TouchDue laterText(List<TouchDue> touches, UUID leadId) {
        return touches.stream().filter(touch -> touch.leadId().equals(leadId) && touch.template().equals("same-day-text"))
                .findFirst().orElse(null);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
