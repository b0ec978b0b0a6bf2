package io.leadflow.intake.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server standing in for Meta's Graph API: {@code GET /v21.0/<leadgen id>?access_token=…} answers the
 * lead a test put here, 404 otherwise. Requests without the expected token get 400, as Graph does.
 */
public class GraphApiStub implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_TOKEN = "page-token-123";
    static final Map<String, String> LEADS = new ConcurrentHashMap<>();
    static final AtomicInteger REQUESTS = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v21.0/", exchange -> {
            REQUESTS.incrementAndGet();
            String id = exchange.getRequestURI().getPath().substring("/v21.0/".length());
            String query = exchange.getRequestURI().getQuery();
            String lead = LEADS.get(id);
            int status = query == null || !query.contains("access_token=" + ACCESS_TOKEN) ? 400 : lead == null ? 404 : 200;
            byte[] body = (status == 200 ? lead : "{\"error\":{\"code\":100}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("leadflow.intake.meta.graph-base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
