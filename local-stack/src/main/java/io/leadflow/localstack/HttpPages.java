package io.leadflow.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the HTTP pages of the mail catcher and the SMS sink. */
public final class HttpPages {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private HttpPages() {
    }

    public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", toJson(body));
    }

    public static void sendHtml(HttpExchange exchange, String title, String bodyHtml) throws IOException {
        String page = """
                <!doctype html>
                <html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>%1$s</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
                  table { border-collapse: collapse; width: 100%%; }
                  th, td { border-bottom: 1px solid #ddd; padding: .4rem .6rem; text-align: left; vertical-align: top; }
                  th { background: #f4f4f4; }
                  pre { white-space: pre-wrap; margin: 0; font-family: inherit; }
                  .muted { color: #777; }
                </style></head>
                <body><h1>%1$s</h1>
                <p class="muted">Newest first; refreshes every 5 s. JSON at <a href="/api/messages">/api/messages</a>
                (DELETE it to clear).</p>
                %2$s
                </body></html>
                """.formatted(escape(title), bodyHtml);
        send(exchange, 200, "text/html; charset=utf-8", page);
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
