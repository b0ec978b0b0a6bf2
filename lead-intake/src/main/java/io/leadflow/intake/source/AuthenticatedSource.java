package io.leadflow.intake.source;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The lead source the current request authenticated as, set by {@link SourceKeyFilter}. */
@RequestScoped
public class AuthenticatedSource {

    private String sourceId;

    void set(String sourceId) {
        this.sourceId = sourceId;
    }

    public Optional<String> sourceId() {
        return Optional.ofNullable(sourceId);
    }

    /** The source id, for code that only runs behind {@link SourceKeyRequired}. */
    public String require() {
        return sourceId().orElseThrow(UnauthorizedSourceException::new);
    }
}
