package io.leadflow.intake.webhook;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.leadflow.intake.source.Source;

/** The secret a source's generic JSON sender signs with: a usable secret, so read from the schema only when needed. */
@ApplicationScoped
public class WebhookSecrets {

    @Transactional
    public Optional<String> of(String sourceId) {
        Source source = Source.findById(sourceId);
        return source == null ? Optional.empty() : Optional.ofNullable(source.webhookSecret);
    }
}
