package io.leadflow.cadence.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.leadflow.cadence.EngineConfig;
import io.leadflow.cadence.routing.Rep;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Inbox sign-in: a password checked against its hash opens a session that expires. */
@ApplicationScoped
public class RepSessions {

    private static final Logger LOG = Logger.getLogger(RepSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SignInThrottle throttle;
    private final Clock clock;
    private final Duration ttl;

    RepSessions(SignInThrottle throttle, Clock clock, EngineConfig config) {
        this.throttle = throttle;
        this.clock = clock;
        this.ttl = config.inbox().sessionTtl();
    }

    /** A new session's cookie value, shown once; only its hash is stored. */
    public record NewSession(String token, Duration ttl) {
    }

    /**
     * Empty for an unknown email, an inactive rep, a rep without a password or a wrong password. The
     * password is checked outside any transaction: it takes a while, and should not hold a connection.
     *
     * @throws SignInLockedException after too many failures for the email (the password is not even checked)
     */
    public Optional<NewSession> signIn(String email, String password) {
        Instant now = clock.instant();
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (throttle.locked(normalized, now)) {
            throw new SignInLockedException();
        }
        Optional<StoredPassword> stored = QuarkusTransaction.requiringNew().call(() -> Rep.<Rep>find(
                "lower(email) = ?1 and active", normalized).firstResultOptional()
                .flatMap(rep -> RepCredential.<RepCredential>findByIdOptional(rep.id))
                .map(credential -> new StoredPassword(credential.repId, credential.passwordHash)));
        boolean matches = PasswordHashing.matches(password == null ? "" : password,
                stored.map(StoredPassword::hash).orElse(PasswordHashing.UNKNOWN_ACCOUNT));
        if (stored.isEmpty() || !matches) {
            throttle.failed(normalized, now);
            LOG.infof("Inbox sign-in refused%s", stored.map(found -> " for rep " + found.repId()).orElse(""));
            return Optional.empty();
        }
        throttle.succeeded(normalized);
        String token = randomToken();
        QuarkusTransaction.requiringNew().run(() -> {
            RepSession.delete("expiresAt < ?1", now);
            RepSession session = new RepSession();
            session.id = UUID.randomUUID();
            session.tokenSha256 = TokenHashing.sha256Hex(token);
            session.repId = stored.get().repId();
            session.csrfToken = randomToken();
            session.createdAt = now;
            session.expiresAt = now.plus(ttl);
            session.persist();
        });
        LOG.infof("Rep %s signed in to the inbox", stored.get().repId());
        return Optional.of(new NewSession(token, ttl));
    }

    private record StoredPassword(UUID repId, String hash) {
    }

    /** The rep of an unexpired session. */
    @Transactional
    public Optional<SignedInRep> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return RepSession.<RepSession>find("tokenSha256 = ?1 and expiresAt > ?2", TokenHashing.sha256Hex(token), clock.instant())
                .firstResultOptional()
                .flatMap(session -> Rep.<Rep>findByIdOptional(session.repId)
                        .filter(rep -> rep.active)
                        .map(rep -> new SignedInRep(rep.id, rep.name, rep.role, rep.teamId, session.csrfToken)));
    }

    @Transactional
    public void signOut(String token) {
        if (token != null) {
            RepSession.delete("tokenSha256", TokenHashing.sha256Hex(token));
        }
    }

    /**
     * Replaces the rep's password and ends their sessions.
     *
     * @return false when there is no such rep, or the caller is a manager of another team
     */
    @Transactional
    public boolean setPassword(UUID repId, String password, Caller caller) {
        Rep rep = Rep.findById(repId);
        if (rep == null || (caller.role() == Role.manager && !rep.teamId.equals(Rep.<Rep>findById(caller.repId()).teamId))) {
            return false;
        }
        RepCredential.set(repId, password, clock.instant());
        RepSession.delete("repId", repId);
        LOG.infof("Rep %s has a new inbox password; their sessions ended", repId);
        return true;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
