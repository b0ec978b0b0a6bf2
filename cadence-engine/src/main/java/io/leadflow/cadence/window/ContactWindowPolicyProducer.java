package io.leadflow.cadence.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadflow.cadence.EngineConfig;

@ApplicationScoped
public class ContactWindowPolicyProducer {

    @Produces
    @Singleton
    ContactWindowPolicy contactWindowPolicy(EngineConfig config) {
        return new ContactWindowPolicy(config.contactWindow().opens(), config.contactWindow().closes());
    }
}
