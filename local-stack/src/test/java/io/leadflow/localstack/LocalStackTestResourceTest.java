package io.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackTestResourceTest {

    @Test
    void pointsTheServiceAtTheSharedKafkaMailCatcherAndSmsSink() {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of("components", "kafka, mail,sms"));

        Map<String, String> config = resource.start();
        resource.stop();

        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", SharedLocalStack.kafka().bootstrapServers())
                .containsEntry("quarkus.mailer.port", Integer.toString(SharedLocalStack.mailCatcher().smtpPort()))
                .containsEntry("quarkus.mailer.mock", "false")
                .containsEntry("leadflow.notifier.sms.base-url", SharedLocalStack.smsSink().baseUrl())
                .containsEntry("leadflow.notifier.sms.account-sid", SharedLocalStack.SMS_ACCOUNT_SID)
                .doesNotContainKey("quarkus.datasource.jdbc.url");
        assertThat(resource.start()).isEqualTo(config);
    }

    @Test
    void refusesAnUnknownComponent() {
        assertThatThrownBy(() -> new LocalStackTestResource().init(Map.of("components", "kafka,redis")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis");
    }
}
