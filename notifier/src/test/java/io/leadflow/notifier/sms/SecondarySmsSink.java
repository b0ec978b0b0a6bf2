package io.leadflow.notifier.sms;

import java.time.Duration;
import java.util.Map;

import io.leadflow.localstack.sms.SmsSink;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A second SMS sink on loopback, configured as the notifier's secondary (failover) SMS account for
 * every test of the module (a test resource restricted to one class would restart Quarkus and the
 * shared local stack with it). It answers 503 unless a test brings it up, so tests of the primary's
 * failures see what they would see without a secondary.
 */
public class SecondarySmsSink implements QuarkusTestResourceLifecycleManager {

    static final String ACCOUNT_SID = "AC22222222222222222222222222222222";
    static final String AUTH_TOKEN = "secondary-test-token";
    private static SmsSink sink;

    static synchronized SmsSink sink() {
        if (sink == null) {
            sink = SmsSink.start(0, ACCOUNT_SID, AUTH_TOKEN);
            down();
        }
        return sink;
    }

    static void up() {
        sink().clearFaults();
    }

    static void down() {
        sink.failFor(Duration.ofDays(1), 503, null);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("leadflow.notifier.sms.secondary.base-url", sink().baseUrl(),
                "leadflow.notifier.sms.secondary.account-sid", ACCOUNT_SID,
                "leadflow.notifier.sms.secondary.auth-token", AUTH_TOKEN);
    }

    @Override
    public void stop() {
        sink().stop();
        sink = null;
    }
}
