package io.leadflow.intake.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.intake.config.IntakeConfig;

/** Reads a lead's answers from Meta's Graph API ({@code leadflow.intake.meta.graph-base-url}). */
@ApplicationScoped
public class MetaGraphClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    IntakeConfig config;

    @Inject
    ObjectMapper json;

    MetaLead lead(String leadgenId, String accessToken) {
        String base = config.meta().graphBaseUrl().replaceAll("/+$", "");
        URI uri = URI.create(base + "/" + URLEncoder.encode(leadgenId, StandardCharsets.UTF_8)
                + "?fields=id,created_time,field_data&access_token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new LeadSourceUnavailableException("Meta answered " + response.statusCode() + " for a lead");
            }
            return json.readValue(response.body(), MetaLead.class);
        } catch (IOException e) {
            throw new LeadSourceUnavailableException("Meta could not be read: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeadSourceUnavailableException("interrupted while reading a lead from Meta");
        }
    }
}
