package io.leadflow.cadence.window;

import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.settings.CadenceSettingsService;

/** Where a lead is for contact hours: its time zone, its US state, its source's holidays. */
@ApplicationScoped
public class LeadWindows {

    private final CadenceSettingsService settings;

    LeadWindows(CadenceSettingsService settings) {
        this.settings = settings;
    }

    public ContactWindowPolicy.Where whereFor(Lead lead) {
        return new ContactWindowPolicy.Where(ZoneId.of(lead.timeZone), lead.usState,
                settings.forSource(lead.sourceId).holidays());
    }
}
