package io.leadflow.intake.source;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/**
 * The lead source the current request is for: authenticated by its key ({@link SourceKeyFilter}), or found by
 * its form key or webhook path and verified by the endpoint.
 */
@RequestScoped
public class AuthenticatedSource {

    private SourceSettings source;

    public void set(SourceSettings source) {
        this.source = source;
    }

    public Optional<SourceSettings> current() {
        return Optional.ofNullable(source);
    }

    public Optional<String> sourceId() {
        return current().map(SourceSettings::id);
    }

    /** The source, for code that only runs once a source is known. */
    public SourceSettings require() {
        return current().orElseThrow(UnauthorizedSourceException::new);
    }
}
