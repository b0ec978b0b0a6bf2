package io.leadflow.notifier.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.api.ApiRequests;
import io.leadflow.notifier.pacing.Pace;
import io.leadflow.notifier.pacing.TokenBucket;
import io.vertx.core.http.HttpServerRequest;

/**
 * Rate limit of the public webhooks ({@code /webhooks/*}): a token bucket per client IP address
 * (the peer, or the forwarded client when {@code quarkus.http.proxy.*} trusts a proxy), checked
 * before the signature so a flood of forged requests costs no HMAC. Beyond it: 429 with
 * {@code Retry-After}. In memory, per instance.
 */
@ApplicationScoped
public class WebhookRateLimit {

    private static final Logger LOG = Logger.getLogger(WebhookRateLimit.class);
    private static final String PATH = "/webhooks/";
    // a flood from many addresses must not grow the map without bound: it then starts afresh
    private static final int MAX_CLIENTS = 10_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final NotifierConfig.WebhookLimits limits;
    private final Clock clock;

    public WebhookRateLimit(NotifierConfig config, Clock clock) {
        this.limits = config.webhookLimits();
        this.clock = clock;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!context.getUriInfo().getPath().startsWith(PATH)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (buckets.size() >= MAX_CLIENTS) {
            buckets.clear();
        }
        TokenBucket bucket = buckets.computeIfAbsent(client,
                unused -> new TokenBucket(new Pace(limits.perIpPerSecond(), limits.burst(), 0), now));
        if (bucket.tryTake(1, true, now)) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, (Duration.between(now, bucket.enoughAt(1, true, now)).toMillis() + 999) / 1000);
        LOG.debugf("webhook rate limit: a client is over %s requests/s", limits.perIpPerSecond());
        Response problem = ApiRequests.problem(429, "Too Many Requests",
                "Too many webhook requests from this address; try again in " + retryAfter + " s", null);
        return Optional.of(Response.fromResponse(problem).header("Retry-After", retryAfter).build());
    }
}
