package io.leadflow.cadence.window;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.leadflow.cadence.EngineConfig;

@ApplicationScoped
public class ContactWindowPolicyProducer {

    static final String US_STATES = "/windows/us-states.yaml";

    @Produces
    @Singleton
    ContactWindowPolicy contactWindowPolicy(EngineConfig config) {
        return new ContactWindowPolicy(config.contactWindow().opens(), config.contactWindow().closes(), usStates());
    }

    static Map<String, StateHours> usStates() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
        try (InputStream in = ContactWindowPolicyProducer.class.getResourceAsStream(US_STATES)) {
            return yaml.readValue(in, new TypeReference<Map<String, StateHours>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + US_STATES, e);
        }
    }
}
