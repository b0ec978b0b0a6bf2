package io.leadflow.notifier.optout;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.leadflow.notifier.api.ApiRequests;
import io.leadflow.notifier.delivery.Route.Transport;

/**
 * The suppression list for ops: look an address up (with its audit trail), add it, remove it,
 * list the newest entries. Addresses are only ever stored hashed, so the list shows hashes and a
 * lookup takes the address. Bearer token {@code leadflow.notifier.api-token}; changes are audited
 * with actor {@code ops}.
 */
@Path("/api/suppressions")
@Produces({ MediaType.APPLICATION_JSON, "application/problem+json" })
public class SuppressionResource {

    private static final String ACTOR = "ops";
    private static final int MAX_LIMIT = 1000;

    /** The body of a PUT; the reason is optional. */
    public record AddRequest(String reason) {
    }

    private final OptOutRepository repository;
    private final AddressHash hash;
    private final ApiRequests api;
    private final Clock clock;

    public SuppressionResource(OptOutRepository repository, AddressHash hash, ApiRequests api, Clock clock) {
        this.repository = repository;
        this.hash = hash;
        this.api = api;
        this.clock = clock;
    }

    @GET
    public Response list(@HeaderParam("Authorization") String authorization,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (!api.authorized(authorization)) {
            return ApiRequests.unauthorized();
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return ApiRequests.problem(400, "Invalid limit", "limit must be between 1 and " + MAX_LIMIT, "limit");
        }
        return Response.ok(repository.suppressions(limit)).build();
    }

    @GET
    @Path("/{channel}/{address}")
    public Response lookUp(@HeaderParam("Authorization") String authorization, @PathParam("channel") String channel,
            @PathParam("address") String address) {
        return withAddress(authorization, channel, address, (transport, addressHash) -> {
            Optional<OptOutRepository.Suppression> suppression = repository.suppression(transport.dbValue(), addressHash);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("channel", transport.dbValue());
            body.put("addressHash", addressHash);
            body.put("suppressed", suppression.isPresent());
            suppression.ifPresent(found -> {
                body.put("reason", found.reason());
                body.put("since", found.since());
            });
            body.put("audit", repository.auditTrail(transport.dbValue(), addressHash));
            return Response.ok(body).build();
        });
    }

    @PUT
    @Path("/{channel}/{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@HeaderParam("Authorization") String authorization, @PathParam("channel") String channel,
            @PathParam("address") String address, AddRequest request) {
        return withAddress(authorization, channel, address, (transport, addressHash) -> {
            String reason = request == null || request.reason() == null || request.reason().isBlank() ? "added_by_ops"
                    : request.reason().strip();
            boolean added = repository.suppress(transport.dbValue(), addressHash, reason, ACTOR, clock.instant());
            return Response.status(added ? 201 : 200).entity(repository.suppression(transport.dbValue(), addressHash).orElseThrow())
                    .build();
        });
    }

    @DELETE
    @Path("/{channel}/{address}")
    public Response remove(@HeaderParam("Authorization") String authorization, @PathParam("channel") String channel,
            @PathParam("address") String address) {
        return withAddress(authorization, channel, address, (transport, addressHash) ->
                repository.unsuppress(transport.dbValue(), addressHash, "removed_by_ops", ACTOR, clock.instant())
                        ? Response.noContent().build()
                        : ApiRequests.problem(404, "Not suppressed", "That address is not on the suppression list", "address"));
    }

    private interface AddressAction {
        Response apply(Transport transport, String addressHash);
    }

    private Response withAddress(String authorization, String channel, String address, AddressAction action) {
        if (!api.authorized(authorization)) {
            return ApiRequests.unauthorized();
        }
        Optional<Transport> transport = transport(channel);
        if (transport.isEmpty()) {
            return ApiRequests.problem(400, "Invalid channel", "channel must be sms or email", "channel");
        }
        if (!plausible(transport.get(), address)) {
            return ApiRequests.problem(400, "Invalid address", transport.get() == Transport.SMS
                    ? "an SMS address is a phone number in E.164, e.g. +14155550123"
                    : "an email address has one @ between a local part and a domain", "address");
        }
        return action.apply(transport.get(), hash.of(transport.get(), address));
    }

    private static Optional<Transport> transport(String channel) {
        return switch (channel == null ? "" : channel) {
            case "sms" -> Optional.of(Transport.SMS);
            case "email" -> Optional.of(Transport.EMAIL);
            default -> Optional.empty();
        };
    }

    private static boolean plausible(Transport transport, String address) {
        String value = address == null ? "" : address.strip();
        return transport == Transport.SMS ? value.matches("\\+?[0-9 ()\\-.]{7,20}") && value.replaceAll("\\D", "").length() >= 7
                : value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }
}
