package io.leadflow.notifier.sms;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Twilio Messages API (or the local sink that speaks it). The raw {@link Response} is returned
 * because a Twilio error body is an answer to record, not an exception.
 */
@RegisterRestClient(configKey = "twilio")
@Path("/2010-04-01/Accounts/{accountSid}/Messages.json")
public interface TwilioClient {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response createMessage(@PathParam("accountSid") String accountSid,
            @HeaderParam("Authorization") String authorization,
            MultivaluedMap<String, String> form);

    /** The part of a created message we keep. */
    record TwilioMessage(String sid, String status) {
    }

    /** Twilio's error body, e.g. {@code {"code": 21211, "message": "Invalid 'To' Phone Number", "status": 400}}. */
    record TwilioError(Integer code, String message, Integer status) {
    }
}
