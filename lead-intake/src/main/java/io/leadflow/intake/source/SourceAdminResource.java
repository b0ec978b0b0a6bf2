package io.leadflow.intake.source;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadflow.intake.admin.AdminTokenRequired;
import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.problem.ConflictException;
import io.leadflow.intake.problem.FieldError;
import io.leadflow.intake.problem.InvalidRequestException;
import io.leadflow.intake.problem.NotFoundException;

/** The admin API for lead sources ({@code Authorization: Bearer <admin token>}). */
@Path("/admin/sources")
@AdminTokenRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class SourceAdminResource {

    @Inject
    SourceAdminService sources;

    @Inject
    IntakeConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a source", description = "Answers 201 with the source and its key, shown this once.")
    public Response create(@NotNull @Valid SourceRequest request) {
        List<FieldError> missing = new ArrayList<>();
        if (request.id() == null) {
            missing.add(new FieldError("id", "is required"));
        }
        if (request.name() == null) {
            missing.add(new FieldError("name", "is required"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing);
        }
        SourceAdminService.Created created = sources.create(request)
                .orElseThrow(() -> new ConflictException("id", "a source with this id exists"));
        return Response.created(URI.create("/admin/sources/" + created.source().id()))
                .entity(withKey(created))
                .build();
    }

    @GET
    @Operation(summary = "List the sources")
    public List<SourceView> list() {
        return sources.all().stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a source")
    public SourceView get(@PathParam("id") String id) {
        return view(found(sources.find(id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a source's settings", description = "Absent fields are left as they are; the id cannot change.")
    public SourceView update(@PathParam("id") String id, @NotNull @Valid SourceRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidRequestException(List.of(new FieldError("id", "cannot be changed")));
        }
        return view(found(sources.update(id, request)));
    }

    @POST
    @Path("{id}/keys")
    @Operation(summary = "Rotate the source's key",
            description = "Makes a new key (shown this once); the previous keys keep working for graceSeconds (default: leadflow.intake.secret-rotation-grace).")
    public Response rotate(@PathParam("id") String id,
            @QueryParam("graceSeconds") @Min(0) @Max(2_592_000) Long graceSeconds) {
        Duration grace = graceSeconds == null ? null : Duration.ofSeconds(graceSeconds);
        SourceAdminService.Created rotated = found(sources.rotate(id, grace));
        return Response.status(Response.Status.CREATED).entity(withKey(rotated)).build();
    }

    private SourceView view(SourceSettings source) {
        return SourceView.of(source, config.publicBaseUrl());
    }

    private SourceView.WithKey withKey(SourceAdminService.Created created) {
        return new SourceView.WithKey(view(created.source()), created.key(), created.previousKeysValidUntil());
    }

    private static <T> T found(Optional<T> value) {
        return value.orElseThrow(() -> new NotFoundException("no such source"));
    }
}
