package io.leadflow.intake.webhook;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.leadflow.intake.source.Source;

/** The Meta app secret and page access token of a source: usable secrets, so read from the schema only when needed. */
@ApplicationScoped
public class MetaCredentials {

    public record Credentials(String appSecret, String pageAccessToken) {
    }

    @Transactional
    public Optional<Credentials> of(String sourceId) {
        Source source = Source.findById(sourceId);
        if (source == null || source.metaAppSecret == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(source.metaAppSecret, source.metaPageAccessToken));
    }
}
