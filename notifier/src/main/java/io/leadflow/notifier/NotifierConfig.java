package io.leadflow.notifier;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The notifier's own settings. Secrets (the Twilio token) come from environment variables only. */
@ConfigMapping(prefix = "leadflow.notifier")
public interface NotifierConfig {

    /** The business named in every first message and email footer, e.g. {@code Oak Ridge Homes}. */
    @WithDefault("Oak Ridge Homes")
    String businessName();

    /** The business's physical postal address, printed in every email footer (CAN-SPAM). */
    String postalAddress();

    Sms sms();

    Email email();

    /** The Twilio-compatible Messages API. */
    interface Sms {

        /** Base URL of the API, without the {@code /2010-04-01} path; the local SMS sink by default. */
        @WithDefault("http://127.0.0.1:8090")
        String baseUrl();

        /** Twilio account SID, the user of Basic auth and part of the Messages path. */
        String accountSid();

        /** Twilio auth token, the password of Basic auth. From the environment only in production. */
        String authToken();

        /** The sending number (E.164) every SMS goes out from. */
        String fromNumber();

        /**
         * Public base URL Twilio posts delivery status to ({@code <base>/webhooks/twilio/status/<touchId>});
         * when unset, no status callback is requested.
         */
        Optional<String> statusCallbackBaseUrl();
    }

    interface Email {

        /**
         * The envelope sender, {@code Display Name <address>}. When a rep is known, the display name
         * becomes "{@code <rep> via <business>}" and replies go to the rep.
         */
        @WithDefault("Leadflow <leads@leadflow.local>")
        String from();
    }
}
