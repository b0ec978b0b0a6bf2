package io.leadflow.intake.form;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.source.SourceSettings;
import io.quarkus.logging.Log;

/**
 * The render-time token of a form: {@code <rendered at, epoch ms>.<HMAC-SHA256 of form key and time>}. A bot that
 * posts without loading the form has none; one that posts faster than a person can type is caught by its age.
 */
@ApplicationScoped
public class FormTokens {

    private final byte[] secret;
    private final Clock clock;

    @Inject
    public FormTokens(IntakeConfig config, Clock clock) {
        this(config.formTokenSecret().filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(FormTokens::randomSecret), clock);
    }

    FormTokens(byte[] secret, Clock clock) {
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** A token for the form of this source, rendered now. */
    public String issue(String formKey) {
        long renderedAt = clock.millis();
        return renderedAt + "." + sign(formKey, renderedAt);
    }

    /** Why this token does not let the form through, or empty when it does. */
    public Optional<FormRejection> check(String token, SourceSettings source) {
        if (token == null || token.isBlank()) {
            return Optional.of(FormRejection.TOKEN_MISSING);
        }
        int dot = token.indexOf('.');
        long renderedAt;
        try {
            renderedAt = Long.parseLong(token.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
            return Optional.of(FormRejection.TOKEN_INVALID);
        }
        byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = sign(source.formKey(), renderedAt).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(presented, expected)) {
            return Optional.of(FormRejection.TOKEN_INVALID);
        }
        Duration age = Duration.between(Instant.ofEpochMilli(renderedAt), clock.instant());
        if (age.compareTo(source.formMinAge()) < 0) {
            return Optional.of(FormRejection.TOO_FAST);
        }
        if (age.compareTo(source.formMaxAge()) > 0) {
            return Optional.of(FormRejection.TOKEN_EXPIRED);
        }
        return Optional.empty();
    }

    private String sign(String formKey, long renderedAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal((formKey + "." + renderedAt).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] randomSecret() {
        Log.warn("leadflow.intake.form-token-secret is not set: using a random one (forms rendered before a restart, "
                + "or by another instance, will be refused)");
        byte[] value = new byte[32];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
