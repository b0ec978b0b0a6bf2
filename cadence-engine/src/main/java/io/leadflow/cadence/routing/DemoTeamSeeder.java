package io.leadflow.cadence.routing;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.leadflow.cadence.EngineConfig;
import io.quarkus.runtime.StartupEvent;

/** Gives the local stack a team to route to; off unless {@code leadflow.engine.demo-team=true}. */
@ApplicationScoped
public class DemoTeamSeeder {

    private static final Logger LOG = Logger.getLogger(DemoTeamSeeder.class);

    @Transactional
    void seed(@Observes StartupEvent start, EngineConfig config, Clock clock) {
        if (!config.demoTeam() || Rep.count() > 0) {
            return;
        }
        Rep.create("Dana Whitfield", "dana@oakridge-homes.test", "+14155550101", clock.instant()).persist();
        Rep.create("Marcus Chen", "marcus@oakridge-homes.test", "+14155550102", clock.instant()).persist();
        Rep.create("Priya Natarajan", "priya@oakridge-homes.test", "+14155550103", clock.instant()).persist();
        Rep manager = Rep.create("Morgan Blake", "morgan@oakridge-homes.test", "+14155550109", clock.instant());
        manager.role = RepRole.manager;
        manager.persist();
        Team.<Team>findById(Rep.DEFAULT_TEAM).managerRepId = manager.id;
        LOG.info("Seeded a demo team of 3 reps and their manager");
    }
}
