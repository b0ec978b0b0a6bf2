package io.leadflow.localstack.sms;

import static io.leadflow.localstack.HttpPages.escape;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leadflow.localstack.HttpPages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Twilio's Messages API on a real HTTP server: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json} with Twilio's authentication, validation,
 * error codes and response shape. It sends nothing; it keeps what it accepted and shows it on
 * {@code GET /} (HTML) and {@code GET /api/messages} (JSON); {@code DELETE /api/messages} clears.
 * Faults can be injected ({@link #failNext}, {@link #failFor}, or {@code POST /api/faults}).
 */
public final class SmsSink implements AutoCloseable {

    private static final Pattern MESSAGES_PATH = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String accountSid;
    private final String authToken;
    private final HttpServer http;
    private final ExecutorService executor;
    private final List<ReceivedSms> messages = new CopyOnWriteArrayList<>();
    private final SmsFaults faults = new SmsFaults();

    private SmsSink(String accountSid, String authToken, HttpServer http, ExecutorService executor) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.http = http;
        this.executor = executor;
    }

    /** Listens on 127.0.0.1:{@code port} (0 picks a free port). */
    public static SmsSink start(int port, String accountSid, String authToken) {
        return start("127.0.0.1", port, accountSid, authToken);
    }

    /** As {@link #start(int, String, String)} on any bind address (a container needs 0.0.0.0). */
    public static SmsSink start(String bindAddress, int port, String accountSid, String authToken) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(bindAddress, port), 100);
        } catch (IOException e) {
            throw new UncheckedIOException("SMS sink cannot listen on " + bindAddress + ":" + port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4);
        SmsSink sink = new SmsSink(accountSid, authToken, http, executor);
        http.createContext("/", sink::handle);
        http.setExecutor(executor);
        http.start();
        return sink;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** What a Twilio client uses in place of {@code https://api.twilio.com}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String pageUrl() {
        return baseUrl() + "/";
    }

    public String accountSid() {
        return accountSid;
    }

    public String authToken() {
        return authToken;
    }

    /** Accepted messages, oldest first. */
    public List<ReceivedSms> messages() {
        return List.copyOf(messages);
    }

    public void clear() {
        messages.clear();
    }

    /** The next {@code count} message requests get {@code status} with Twilio's code for it (e.g. 503 → 20503). */
    public void failNext(int count, int status) {
        faults.failNext(count, SmsFaults.Fault.of(status, null, null));
    }

    /** The next {@code count} message requests get {@code status} with the given Twilio error code (e.g. 400, 21610). */
    public void failNext(int count, int status, int twilioCode) {
        faults.failNext(count, SmsFaults.Fault.of(status, twilioCode, null));
    }

    /**
     * Every message request during {@code duration} gets {@code status}; {@code retryAfterSeconds}
     * (nullable) is sent as {@code Retry-After}.
     */
    public void failFor(Duration duration, int status, Integer retryAfterSeconds) {
        faults.failFor(duration, SmsFaults.Fault.of(status, null, retryAfterSeconds), Instant.now());
    }

    /**
     * Another window of {@code status} answers for {@code duration}, opening when the last armed
     * window closes: {@code failFor(60 s, 503)} then {@code thenFailFor(30 s, 429, 5)} is an outage
     * followed by rate limiting while the provider recovers.
     */
    public void thenFailFor(Duration duration, int status, Integer retryAfterSeconds) {
        faults.thenFailFor(duration, SmsFaults.Fault.of(status, null, retryAfterSeconds), Instant.now());
    }

    public void clearFaults() {
        faults.clear();
    }

    public void stop() {
        http.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher messagesPath = MESSAGES_PATH.matcher(path);
            if (messagesPath.matches()) {
                if (method.equals("POST")) {
                    createMessage(exchange, messagesPath.group(1), receivedAt);
                } else {
                    sendTwilioError(exchange, 405, 20004, "Method not allowed");
                }
            } else if (path.equals("/api/messages") && method.equals("GET")) {
                HttpPages.sendJson(exchange, 200, newestFirst());
            } else if (path.equals("/api/messages") && method.equals("DELETE")) {
                clear();
                HttpPages.sendEmpty(exchange, 204);
            } else if (path.equals("/api/faults")) {
                faultsEndpoint(exchange, method);
            } else if (path.equals("/") && method.equals("GET")) {
                HttpPages.sendHtml(exchange, "Leadflow SMS sink", table());
            } else {
                sendTwilioError(exchange, 404, 20404, "The requested resource " + path + " was not found");
            }
        }
    }

    private void createMessage(HttpExchange exchange, String pathAccountSid, Instant receivedAt) throws IOException {
        if (!authenticated(exchange, pathAccountSid)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            sendTwilioError(exchange, 401, 20003, "Authenticate");
            return;
        }
        Optional<SmsFaults.Fault> fault = faults.take(receivedAt);
        if (fault.isPresent()) {
            if (fault.get().retryAfterSeconds() != null) {
                exchange.getResponseHeaders().set("Retry-After", fault.get().retryAfterSeconds().toString());
            }
            sendTwilioError(exchange, fault.get().status(), fault.get().code(), fault.get().message());
            return;
        }
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = form.get("To");
        String from = form.get("From");
        String body = form.get("Body");
        if (isBlank(to)) {
            sendTwilioError(exchange, 400, 21604, "A 'To' phone number is required.");
        } else if (isBlank(from)) {
            sendTwilioError(exchange, 400, 21603, "A 'From' phone number is required.");
        } else if (isBlank(body)) {
            sendTwilioError(exchange, 400, 21602, "Message body is required.");
        } else if (!E164.matcher(to).matches()) {
            sendTwilioError(exchange, 400, 21211, "The 'To' number " + to + " is not a valid phone number.");
        } else {
            ReceivedSms sms = new ReceivedSms(newMessageSid(), receivedAt, to, from, body, form.get("StatusCallback"));
            messages.add(sms);
            HttpPages.sendJson(exchange, 201, twilioMessage(sms));
        }
    }

    /**
     * {@code POST /api/faults} with {@code {"count": n, "status": 503}} (the next n requests) or
     * {@code {"seconds": 60, "status": 503, "retryAfterSeconds": 5}} (a window), optional {@code "code"};
     * {@code DELETE /api/faults} clears; {@code GET /api/faults} shows what is armed.
     */
    private void faultsEndpoint(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> HttpPages.sendJson(exchange, 200, faults.describe(Instant.now()));
            case "DELETE" -> {
                clearFaults();
                HttpPages.sendEmpty(exchange, 204);
            }
            case "POST" -> {
                FaultRequest request;
                SmsFaults.Fault fault;
                try {
                    request = HttpPages.JSON.readValue(exchange.getRequestBody(), FaultRequest.class);
                    fault = SmsFaults.Fault.of(request.status() == null ? 503 : request.status(), request.code(),
                            request.retryAfterSeconds());
                } catch (IOException | IllegalArgumentException e) {
                    HttpPages.sendJson(exchange, 400, Map.of("error", "bad fault request: " + e.getMessage()));
                    return;
                }
                if (request.count() != null) {
                    faults.failNext(request.count(), fault);
                } else if (request.seconds() != null) {
                    faults.failFor(Duration.ofSeconds(request.seconds()), fault, Instant.now());
                } else {
                    HttpPages.sendJson(exchange, 400, Map.of("error", "give \"count\" or \"seconds\""));
                    return;
                }
                HttpPages.sendJson(exchange, 200, faults.describe(Instant.now()));
            }
            default -> sendTwilioError(exchange, 405, 20004, "Method not allowed");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FaultRequest(Integer count, Long seconds, Integer status, Integer code, Integer retryAfterSeconds) {
    }

    private boolean authenticated(HttpExchange exchange, String pathAccountSid) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String username = credentials.substring(0, colon);
        String password = credentials.substring(colon + 1);
        return username.equals(pathAccountSid) && username.equals(accountSid)
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), authToken.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> twilioMessage(ReceivedSms sms) {
        String date = RFC_1123.format(sms.receivedAt());
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sms.sid() + ".json";
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", "2010-04-01");
        json.put("body", sms.body());
        json.put("date_created", date);
        json.put("date_sent", null);
        json.put("date_updated", date);
        json.put("direction", "outbound-api");
        json.put("error_code", null);
        json.put("error_message", null);
        json.put("from", sms.from());
        json.put("messaging_service_sid", null);
        json.put("num_media", "0");
        json.put("num_segments", Integer.toString(segments(sms.body())));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", sms.sid());
        json.put("status", "queued");
        json.put("subresource_uris", Map.of("media", uri.replace(".json", "/Media.json")));
        json.put("to", sms.to());
        json.put("uri", uri);
        return json;
    }

    /** GSM-7 fits 160 characters in one segment (153 when split); anything else is UCS-2: 70 (67). */
    static int segments(String body) {
        boolean gsm = body.chars().allMatch(c -> c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f));
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        int length = body.length();
        return length <= single ? 1 : (length + part - 1) / part;
    }

    private static void sendTwilioError(HttpExchange exchange, int status, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        error.put("status", status);
        HttpPages.sendJson(exchange, status, error);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }

    private static String newMessageSid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private List<ReceivedSms> newestFirst() {
        List<ReceivedSms> newestFirst = new ArrayList<>(messages);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private String table() {
        if (messages.isEmpty()) {
            return "<p>No SMS yet. Twilio-compatible API at " + escape(baseUrl())
                    + "/2010-04-01/Accounts/{AccountSid}/Messages.json</p>";
        }
        StringBuilder rows = new StringBuilder();
        for (ReceivedSms sms : newestFirst()) {
            rows.append("<tr><td>").append(escape(sms.receivedAt().toString()))
                    .append("</td><td>").append(escape(sms.from()))
                    .append("</td><td>").append(escape(sms.to()))
                    .append("</td><td><pre>").append(escape(sms.body()))
                    .append("</pre></td><td class=\"muted\">").append(escape(sms.sid()))
                    .append("</td></tr>\n");
        }
        return "<table><tr><th>Received</th><th>From</th><th>To</th><th>Body</th><th>SID</th></tr>\n"
                + rows + "</table>";
    }
}
