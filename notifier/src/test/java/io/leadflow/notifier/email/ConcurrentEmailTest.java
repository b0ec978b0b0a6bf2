package io.leadflow.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.notifier.delivery.DeliveryStatus;
import io.leadflow.notifier.delivery.Outcome;
import io.leadflow.notifier.template.RenderedEmail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Emails sent at the same moment from several sender threads, each new, as the sender pools do
 * after a start: every one is accepted at the first attempt. Before the sends shared one Vert.x
 * context, about one in fifty waited for the mailer's timeout without ever getting a connection.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class ConcurrentEmailTest {

    private static final int ROUNDS = 20;
    private static final int THREADS = 3;

    @Inject
    EmailSender sender;

    @Test
    void shouldAcceptEveryEmailAtTheFirstAttemptWhenSenderThreadsStartTogether() throws Exception {
        List<UUID> sent = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            ExecutorService freshThreads = Executors.newFixedThreadPool(THREADS);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                UUID touchId = UUID.randomUUID();
                sent.add(touchId);
                outcomes.add(freshThreads.submit(() -> sender.send(touchId, "lead+" + touchId + "@example.com",
                        new RenderedEmail("Your home search", "<p>Hi</p>", "Hi", null, null), null)));
            }
            for (Future<Outcome> outcome : outcomes) {
                assertThat(outcome.get().status()).isEqualTo(DeliveryStatus.ACCEPTED);
            }
            freshThreads.shutdown();
        }

        Set<String> caught = LocalStackTestResource.mailCatcher().messages().stream()
                .map(CaughtMail::messageId).collect(Collectors.toSet());
        assertThat(caught).containsAll(sent.stream().map(EmailSender::messageId).toList());
    }
}
