package io.leadflow.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measurement, not part of the default run (tag {@code throughput}): the notifier's send
 * throughput through the SMTP and SMS paths with the sinks. Half emails, half texts, each to a new
 * lead, all due at once on {@code touches.due}; it waits until every one is accepted (exactly one
 * result each) and logs messages per second and the CPU this JVM spent per message (the notifier,
 * the mail catcher, the SMS sink and the test's Kafka clients; PostgreSQL and Kafka run in their own
 * processes). Run it with
 * {@code ./mvnw -o -pl notifier test -Dtest=SendThroughputTest -Dnotifier.excluded-groups=none}
 * ({@code -Dleadflow.throughput.touches=2000} for another count).
 */
@Tag("throughput")
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class SendThroughputTest extends DeliveryTestSupport {

    private static final Logger LOG = Logger.getLogger(SendThroughputTest.class);

    @Test
    void shouldMeasureMessagesPerSecondAndCpuPerMessage() throws Exception {
        // warm up both paths (connections, templates, JIT of the first calls), not measured
        send(40);
        int count = Integer.getInteger("leadflow.throughput.touches", 1000);
        String loadBefore = loadAverage();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();

        send(count);

        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (processCpuNanos() - cpuBefore) / 1e6;
        LOG.infof("THROUGHPUT: %d messages (half email, half SMS) in %.1f s: %.1f messages/s, %.2f ms of this JVM's "
                + "CPU per message; load average before %s, after %s", count, seconds, count / seconds, cpuMs / count,
                loadBefore, loadAverage());
    }

    /** Produces {@code count} touches and waits for each one's single accepted result. */
    private void send(int count) throws Exception {
        List<TouchDue> touches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TouchDue.RepSnapshot rep = rep(uniquePhone(), uniqueEmail("dana"));
            TouchDue.LeadSnapshot lead = lead(uniquePhone(), uniqueEmail("maria"), false);
            touches.add(i % 2 == 0
                    ? touch(UUID.randomUUID(), Channel.EMAIL, "week-one-email", Audience.LEAD, lead, rep, openWindow())
                    : nurtureText(UUID.randomUUID(), "helpful-text", lead, rep));
        }
        Set<UUID> waiting = new HashSet<>(touches.stream().map(TouchDue::touchId).toList());
        int seenBefore = RECORDS.getOrDefault(Topics.TOUCHES_RESULTS, List.of()).size();
        produceAll(Topics.TOUCHES_DUE, touches);
        List<TouchResult> results = new ArrayList<>();
        int[] read = {seenBefore};
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> all =
                    RECORDS.getOrDefault(Topics.TOUCHES_RESULTS, List.of());
            for (; read[0] < all.size(); read[0]++) {
                TouchResult result = JSON.readValue(all.get(read[0]).value(), TouchResult.class);
                if (waiting.contains(result.touchId())) {
                    results.add(result);
                }
            }
            return results.size() >= count;
        });
        assertThat(results).extracting(TouchResult::status).containsOnly(TouchStatus.ACCEPTED);
        assertThat(results).extracting(TouchResult::touchId).doesNotHaveDuplicates().hasSize(count);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
