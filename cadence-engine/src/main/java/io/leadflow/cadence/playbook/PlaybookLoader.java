package io.leadflow.cadence.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.leadflow.cadence.EngineConfig;

/** Loads the active playbook at start: a YAML file if configured, else the bundled default. */
@ApplicationScoped
public class PlaybookLoader {

    private static final String DEFAULT_PLAYBOOK = "/playbooks/default.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Produces
    @Singleton
    Playbook activePlaybook(EngineConfig config) {
        Playbook playbook = config.playbookFile()
                .map(this::readFile)
                .orElseGet(() -> readClasspath(DEFAULT_PLAYBOOK));
        List<String> problems = validate(playbook);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Playbook " + playbook.id() + " is invalid: " + String.join("; ", problems));
        }
        return playbook;
    }

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

    /** Every problem at once, so whoever edits a playbook fixes them in one go. */
    static List<String> validate(Playbook playbook) {
        List<String> problems = new ArrayList<>();
        if (playbook.id() == null || playbook.id().isBlank()) {
            problems.add("id is missing");
        }
        if (playbook.steps() == null || playbook.steps().isEmpty()) {
            problems.add("it has no steps");
            return problems;
        }
        for (int i = 0; i < playbook.steps().size(); i++) {
            Playbook.Step step = playbook.steps().get(i);
            if (step.after() == null || step.after().isNegative()) {
                problems.add("step " + i + ": 'after' must be zero or positive");
            }
            if (step.channel() == null) {
                problems.add("step " + i + ": channel is missing");
            }
            if (step.template() == null || step.template().isBlank()) {
                problems.add("step " + i + ": template is missing");
            }
            if (step.reason() == null || step.reason().isBlank()) {
                problems.add("step " + i + ": every touch needs a reason");
            }
        }
        if (playbook.steps().stream().allMatch(step -> step.channel() != null)
                && playbook.touchCount() > Playbook.MAX_TOUCHES) {
            problems.add("it has " + playbook.touchCount() + " touches, more than " + Playbook.MAX_TOUCHES);
        }
        return problems;
    }
}
