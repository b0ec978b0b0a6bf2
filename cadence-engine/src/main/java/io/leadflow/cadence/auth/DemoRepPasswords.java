package io.leadflow.cadence.auth;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.leadflow.cadence.EngineConfig;
import io.leadflow.cadence.routing.Rep;
import io.quarkus.runtime.StartupEvent;

/**
 * For local runs: gives every rep without a password {@code leadflow.engine.inbox.demo-password},
 * after the demo team is seeded. Unset (as in production), nothing happens.
 */
@ApplicationScoped
public class DemoRepPasswords {

    private static final Logger LOG = Logger.getLogger(DemoRepPasswords.class);

    @Transactional
    void seed(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent start,
            EngineConfig config, Clock clock) {
        config.inbox().demoPassword().ifPresent(password -> {
            List<Rep> withoutPassword = Rep.list("id not in (select repId from RepCredential)");
            withoutPassword.forEach(rep -> RepCredential.set(rep.id, password, clock.instant()));
            if (!withoutPassword.isEmpty()) {
                LOG.infof("Gave %d reps the demo inbox password", withoutPassword.size());
            }
        });
    }
}
