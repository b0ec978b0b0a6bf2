package io.leadflow.cadence.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.leadflow.cadence.activity.LeadEvent;
import io.leadflow.cadence.auth.Caller;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.contracts.Audience;

@ApplicationScoped
public class TimelineService {

    /** Empty when the lead is unknown, or belongs to another rep (which must look the same). */
    @Transactional
    public Optional<LeadTimeline> timeline(UUID leadId, Caller caller) {
        Lead lead = Lead.findById(leadId);
        if (lead == null || !caller.maySee(lead.assignedRepId)) {
            return Optional.empty();
        }
        return Optional.of(timelineOf(lead));
    }

    /** The lead a returning lead's later inquiry was merged into, if the caller may see that lead. */
    @Transactional
    public Optional<UUID> mergedInto(UUID leadId, Caller caller) {
        return Optional.ofNullable(Lead.<Lead>findById(leadId)).map(inquiry -> inquiry.mergedIntoLeadId)
                .map(id -> Lead.<Lead>findById(id)).filter(survivor -> caller.maySee(survivor.assignedRepId))
                .map(survivor -> survivor.id);
    }

    /** The timeline of a lead the caller was already allowed to see (the inbox has its own rule). */
    @Transactional
    public LeadTimeline timelineOf(Lead lead) {
        UUID leadId = lead.id;
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(TimelineEntry.of(lead.receivedAt, "received", null,
                "from source " + lead.sourceId + "; time zone " + lead.timeZone + " (" + lead.timeZoneBasis + ")"
                        + (lead.locationBasis != null ? "; " + lead.locationBasis
                                : lead.usState == null ? "" : "; US state " + lead.usState + " (phone area code), its contact hours apply")));
        LeadTimeline.AssignedRep assignedRep = null;
        if (lead.assignedRepId != null) {
            Rep rep = Rep.findById(lead.assignedRepId);
            assignedRep = new LeadTimeline.AssignedRep(rep.id, rep.name, lead.routingReason);
            entries.add(TimelineEntry.of(lead.assignedAt, "assigned", lead.routingReason, "assigned to " + rep.name));
        } else if (lead.routingReason != null) {
            entries.add(TimelineEntry.of(lead.ingestedAt, "unassigned", lead.routingReason, "no rep took it"));
        }
        List<Touch> touches = Touch.list("leadId = ?1 order by dueAt, step", leadId);
        touches.stream().map(TimelineService::entryOf).forEach(entries::add);
        List<LeadEvent> events = LeadEvent.list("leadId", leadId);
        events.stream().map(event -> new TimelineEntry(event.at, event.kind, null, event.channel, null, null, event.detail,
                event.actor, event.effect)).forEach(entries::add);
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return new LeadTimeline(lead.id, lead.sourceId, lead.receivedAt, assignedRep,
                lead.speedToFirstTouchMs, lead.speedToRepAlertMs, lead.cadenceState.name().toLowerCase(Locale.ROOT),
                lead.stateReason, entries);
    }

    private static TimelineEntry entryOf(Touch touch) {
        String kind = touch.audience == Audience.REP ? "alert" : "touch";
        StringBuilder detail = new StringBuilder("due ").append(touch.dueAt);
        if (touch.dispatchedAt != null) {
            detail.append("; dispatched ").append(touch.dispatchedAt);
        }
        if (touch.statusReason != null) {
            detail.append("; ").append(touch.statusReason);
        }
        if (touch.providerMessageId != null) {
            detail.append("; provider id ").append(touch.providerMessageId);
        }
        if (touch.providerCode != null) {
            detail.append("; provider code ").append(touch.providerCode);
        }
        return new TimelineEntry(touch.statusAt, kind, touch.id, touch.channel.name().toLowerCase(Locale.ROOT),
                touch.status.name().toLowerCase(Locale.ROOT), touch.reason, detail.toString(), null, null);
    }
}
