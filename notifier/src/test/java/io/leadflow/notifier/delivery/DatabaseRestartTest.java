package io.leadflow.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.SharedLocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing lost when PostgreSQL restarts: a first text that arrives while the database is down waits
 * for it (the pooled connections are cut, new ones refused) and is sent once it is back, exactly
 * once, with nothing on the dead-letter topic. The shared PostgreSQL is running again afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class DatabaseRestartTest extends DeliveryTestSupport {

    @Test
    void shouldSendAFirstTextThatArrivedWhilePostgresWasDownOnceItIsBack() throws Exception {
        // the pool holds live connections when the database goes away, as in production
        TouchDue warmUp = ProviderFailureTest.leadSms(uniquePhone(), "first-text");
        produce(Topics.TOUCHES_DUE_PRIORITY, warmUp);
        assertThat(statusOf(warmUp)).isEqualTo(TouchStatus.ACCEPTED);
        String phone = uniquePhone();
        TouchDue firstText = ProviderFailureTest.leadSms(phone, "first-text");

        SharedLocalStack.withPostgresDown(() -> {
            try {
                produce(Topics.TOUCHES_DUE_PRIORITY, firstText);
                // long enough for the consumer to take the record and fail on the database several times
                Thread.sleep(3_000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(smsTo(phone)).as("nothing is sent without a delivery row").isEmpty();
        });

        assertThat(awaitOneSms(phone).body()).isNotBlank();
        assertThat(statusOf(firstText)).isEqualTo(TouchStatus.ACCEPTED);
        ProviderFailureTest.assertNothingMoreWithin(Duration.ofSeconds(1), phone, firstText, 1);
        assertThat(RECORDS.getOrDefault(Topics.deadLetter(Topics.TOUCHES_DUE_PRIORITY), List.of()))
                .noneMatch(record -> firstText.leadId().toString().equals(record.key()));
        assertThat(LocalStackTestResource.postgres().pid()).as("PostgreSQL runs again for the next tests")
                .matches(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
