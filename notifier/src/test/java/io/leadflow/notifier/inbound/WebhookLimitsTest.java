package io.leadflow.notifier.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The public webhooks' rate limit per client address and body limit. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class WebhookLimitsTest {

    @Test
    void shouldAnswer429WithRetryAfterToAnAddressOverItsRateAndKeepServingOthers() throws Exception {
        // from an address of its own (tests run at 5 requests/s, burst 20), so the other tests keep their budget
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(pool.submit(() -> post("127.0.0.2", "/webhooks/email/inbound", "{}")));
        }
        List<String> limited = new ArrayList<>();
        int forbidden = 0;
        for (Future<String> answer : answers) {
            String response = answer.get();
            if (response.startsWith("HTTP/1.1 429")) {
                limited.add(response);
            } else if (response.startsWith("HTTP/1.1 403")) {
                forbidden++;
            }
        }
        pool.shutdown();

        assertThat(limited).isNotEmpty();
        assertThat(forbidden).isGreaterThanOrEqualTo(20).isEqualTo(100 - limited.size());
        assertThat(limited.get(0)).containsPattern("(?i)retry-after: [1-9]").contains("application/problem+json");
        // another address still gets its answer (unsigned: 403), not a 429
        assertThat(post("127.0.0.3", "/webhooks/email/inbound", "{}")).startsWith("HTTP/1.1 403");
    }

    @Test
    void shouldRefuseAWebhookBodyOver64Kilobytes() throws Exception {
        String big = "{\"text\": \"" + "x".repeat(70 * 1024) + "\"}";

        assertThat(post("127.0.0.4", "/webhooks/email/inbound", big)).startsWith("HTTP/1.1 413");
    }

    /** A raw HTTP/1.1 POST from a chosen loopback address: the limit is per client address. */
    static String post(String from, String path, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
