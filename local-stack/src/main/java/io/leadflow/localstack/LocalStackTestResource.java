package io.leadflow.localstack;

import io.leadflow.localstack.mail.MailCatcher;
import io.leadflow.localstack.postgres.Postgres;
import io.leadflow.localstack.sms.SmsSink;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real infrastructure for a service's {@code @QuarkusTest}s, shared by every test of the JVM
 * (see {@link SharedLocalStack}):
 *
 * <pre>{@code
 * @QuarkusTestResource(value = LocalStackTestResource.class,
 *         initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
 * }</pre>
 *
 * {@link #stop()} leaves the servers running for the next test class; they stop with the JVM.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static final List<String> COMPONENTS = List.of("kafka", "postgres", "mail", "sms");

    private Set<String> components = new LinkedHashSet<>(COMPONENTS);

    @Override
    public void init(Map<String, String> initArgs) {
        String requested = initArgs.get("components");
        if (requested == null) {
            return;
        }
        components = new LinkedHashSet<>();
        for (String component : Arrays.stream(requested.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            if (!COMPONENTS.contains(component)) {
                throw new IllegalArgumentException("Unknown local-stack component '" + component + "'; known: " + COMPONENTS);
            }
            components.add(component);
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (components.contains("kafka")) {
            config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        }
        if (components.contains("postgres")) {
            Postgres postgres = SharedLocalStack.postgres();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(LocalStack.DATABASE));
            config.put("quarkus.datasource.username", postgres.username());
            config.put("quarkus.datasource.password", postgres.password());
        }
        if (components.contains("mail")) {
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(mailCatcher().smtpPort()));
            config.put("quarkus.mailer.mock", "false");
            config.put("quarkus.mailer.start-tls", "DISABLED");
            config.put("quarkus.mailer.tls", "false");
            config.put("leadflow.notifier.inbound-email.imap.host", "127.0.0.1");
            config.put("leadflow.notifier.inbound-email.imap.port", Integer.toString(mailCatcher().imapPort()));
            config.put("leadflow.notifier.inbound-email.imap.ssl", "false");
            config.put("leadflow.notifier.inbound-email.imap.user", MailCatcher.REPLY_MAILBOX);
            config.put("leadflow.notifier.inbound-email.imap.password", MailCatcher.REPLY_PASSWORD);
        }
        if (components.contains("sms")) {
            config.put("leadflow.notifier.sms.base-url", smsSink().baseUrl());
            config.put("leadflow.notifier.sms.account-sid", SharedLocalStack.SMS_ACCOUNT_SID);
            config.put("leadflow.notifier.sms.auth-token", SharedLocalStack.SMS_AUTH_TOKEN);
            config.put("leadflow.notifier.sms.from-number", SharedLocalStack.SMS_FROM_NUMBER);
        }
        return config;
    }

    @Override
    public void stop() {
        // shared with the next test class; SharedLocalStack stops it when the JVM exits
    }

    public static String kafkaBootstrapServers() {
        return SharedLocalStack.kafka().bootstrapServers();
    }

    public static Postgres postgres() {
        return SharedLocalStack.postgres();
    }

    public static MailCatcher mailCatcher() {
        return SharedLocalStack.mailCatcher();
    }

    public static SmsSink smsSink() {
        return SharedLocalStack.smsSink();
    }
}
