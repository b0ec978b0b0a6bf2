package io.leadflow.localstack.sms;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the SMS sink on its own (e.g. in a container): env {@code SMS_SINK_PORT} (default 8090),
 * {@code SMS_SINK_ACCOUNT_SID}, {@code SMS_SINK_AUTH_TOKEN}. Binds to all interfaces.
 */
public final class SmsSinkMain {

    private SmsSinkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(Objects.requireNonNullElse(System.getenv("SMS_SINK_PORT"), "8090"));
        String accountSid = required("SMS_SINK_ACCOUNT_SID");
        String authToken = required("SMS_SINK_AUTH_TOKEN");
        SmsSink sink = SmsSink.start("0.0.0.0", port, accountSid, authToken);
        Runtime.getRuntime().addShutdownHook(new Thread(sink::stop, "sms-sink-stop"));
        System.out.println("SMS sink listening on port " + sink.port() + " for account " + accountSid);
        new CountDownLatch(1).await();
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println("Set " + name);
            System.exit(2);
        }
        return value;
    }
}
