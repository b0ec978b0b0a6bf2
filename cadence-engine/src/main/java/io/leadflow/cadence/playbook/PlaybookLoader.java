package io.leadflow.cadence.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads playbook YAML: a configured file or one bundled with the engine. */
public class PlaybookLoader {

    public static final String DEFAULT_PLAYBOOK = "/playbooks/default.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    Playbook readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return yaml.readValue(in, Playbook.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read playbook " + file, e);
        }
    }

    Playbook readClasspath(String resource) {
        try (InputStream in = PlaybookLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing playbook resource " + resource);
            }
            return yaml.readValue(in, Playbook.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read playbook " + resource, e);
        }
    }
}
