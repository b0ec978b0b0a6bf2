package io.leadflow.intake.consent;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadflow.intake.admin.AdminTokenRequired;
import io.leadflow.intake.problem.NotFoundException;

/** Export of a lead's consent records (admin token). */
@Path("/admin/leads/{leadId}/consent")
@AdminTokenRequired
@Tag(name = "admin")
public class ConsentResource {

    @Inject
    ConsentRecords records;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export a lead's consent records", description = "Oldest first; records are never changed.")
    public List<ConsentRecords.ConsentView> export(@PathParam("leadId") UUID leadId) {
        List<ConsentRecords.ConsentView> found = records.ofLead(leadId);
        if (found.isEmpty()) {
            throw new NotFoundException("no consent record for this lead");
        }
        return found;
    }
}
