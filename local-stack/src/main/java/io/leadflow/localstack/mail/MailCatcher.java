package io.leadflow.localstack.mail;

import static io.leadflow.localstack.HttpPages.escape;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leadflow.localstack.HttpPages;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 that accepts any sender and recipient without
 * authentication and keeps what it receives, plus an HTTP page to look at it:
 * {@code GET /} (HTML), {@code GET /api/messages} (JSON), {@code DELETE /api/messages} (clear).
 * It also serves IMAP with one account, {@link #REPLY_MAILBOX} (password {@link #REPLY_PASSWORD}),
 * into which every {@code reply+<anything>@}{@link #REPLY_DOMAIN} is delivered (plus-addressing, as
 * a real inbound mailbox would): the notifier reads email replies from it.
 * {@link #stopSmtp()} and {@link #startSmtp()} take the SMTP listener down and up again on the
 * same port (an SMTP outage, for the chaos harness); what was received is kept.
 */
public final class MailCatcher implements AutoCloseable {

    /** The notifier's default reply domain ({@code leadflow.notifier.inbound-email.domain}). */
    public static final String REPLY_DOMAIN = "reply.leadflow.local";
    public static final String REPLY_MAILBOX = "reply@" + REPLY_DOMAIN;
    public static final String REPLY_PASSWORD = "reply";

    private static final long SMTP_START_TIMEOUT_MS = 10_000;

    private final GreenMail greenMail;
    private final HttpServer http;
    private final int smtpPort;
    // the SMTP listener started again after stopSmtp(); GreenMail cannot restart one service alone
    private SmtpServer restartedSmtp;
    private final List<CaughtMail> messages = new CopyOnWriteArrayList<>();
    // GreenMail delivers a message once per recipient; this tells the first delivery from the rest
    private final Set<MovingMessage> seen = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private MailCatcher(GreenMail greenMail, HttpServer http) {
        this.greenMail = greenMail;
        this.http = http;
        this.smtpPort = greenMail.getSmtp().getPort();
    }

    /** Ports 0 pick free ones; IMAP on a free port. */
    public static MailCatcher start(int smtpPort, int httpPort) {
        return start(smtpPort, httpPort, 0);
    }

    /** Ports 0 pick free ones. */
    public static MailCatcher start(int smtpPort, int httpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {setup(smtpPort, ServerSetup.PROTOCOL_SMTP),
                setup(imapPort, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Mail catcher page cannot listen on port " + httpPort, e);
        }
        greenMail.start();
        greenMail.setUser(REPLY_MAILBOX, REPLY_MAILBOX, REPLY_PASSWORD);
        MailCatcher catcher = new MailCatcher(greenMail, http);
        MessageDeliveryHandler delivery = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            catcher.record(message, Instant.now());
            return delivery.handle(message, isReplyAddress(recipient) ? new MailAddress(REPLY_MAILBOX) : recipient);
        });
        http.createContext("/", catcher::handle);
        http.setExecutor(Executors.newFixedThreadPool(2));
        http.start();
        return catcher;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** SMTP stops listening (connections are refused) until {@link #startSmtp()}; IMAP and the page stay up. */
    public synchronized void stopSmtp() {
        smtp().stopService();
    }

    /** SMTP listens again on the same port, delivering as before. */
    public synchronized void startSmtp() {
        if (smtp().isRunning()) {
            return;
        }
        SmtpServer smtp = new SmtpServer(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), greenMail.getManagers());
        smtp.startService();
        try {
            if (!smtp.waitTillRunning(SMTP_START_TIMEOUT_MS)) {
                throw new IllegalStateException("The mail catcher's SMTP listener did not start again on port " + smtpPort);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        restartedSmtp = smtp;
    }

    private SmtpServer smtp() {
        return restartedSmtp != null ? restartedSmtp : greenMail.getSmtp();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Emails in the reply mailbox not yet deleted by whoever reads it. */
    public int replyMailboxSize() {
        try {
            return greenMail.getUserManager().getUserByEmail(REPLY_MAILBOX) == null ? 0
                    : greenMail.getManagers().getImapHostManager()
                            .getInbox(greenMail.getUserManager().getUserByEmail(REPLY_MAILBOX)).getMessageCount();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    private static boolean isReplyAddress(MailAddress recipient) {
        return recipient.getUser().startsWith("reply+") && recipient.getHost().equalsIgnoreCase(REPLY_DOMAIN);
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public String pageUrl() {
        return "http://127.0.0.1:" + httpPort() + "/";
    }

    /** Received mail, oldest first. */
    public List<CaughtMail> messages() {
        return List.copyOf(messages);
    }

    public void clear() {
        messages.clear();
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stop() {
        http.stop(0);
        if (restartedSmtp != null) {
            restartedSmtp.stopService();
        }
        greenMail.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private void record(MovingMessage message, Instant receivedAt) {
        if (!seen.add(message)) {
            return;
        }
        try {
            MimeMessage mime = message.getMessage();
            List<String> recipients = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : Collections.list(mime.getAllHeaders())) {
                headers.merge(header.getName(), header.getValue(), (first, next) -> first + ", " + next);
            }
            Map<String, String> bodies = new LinkedHashMap<>();
            collectBodies(mime, bodies);
            messages.add(new CaughtMail(receivedAt, mime.getHeader("From", ", "), recipients, mime.getSubject(),
                    bodies.get("text/plain"), bodies.get("text/html"), mime.getMessageID(), headers));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read a received mail", e);
        }
    }

    private static void collectBodies(Part part, Map<String, String> bodies) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectBodies(child, bodies);
            }
        } else if (part.isMimeType("text/plain")) {
            bodies.putIfAbsent("text/plain", part.getContent().toString());
        } else if (part.isMimeType("text/html")) {
            bodies.putIfAbsent("text/html", part.getContent().toString());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") && method.equals("GET")) {
                HttpPages.sendJson(exchange, 200, newestFirst());
            } else if (path.equals("/api/messages") && method.equals("DELETE")) {
                clear();
                HttpPages.sendEmpty(exchange, 204);
            } else if (path.equals("/") && method.equals("GET")) {
                HttpPages.sendHtml(exchange, "Leadflow mail catcher", table());
            } else {
                HttpPages.sendEmpty(exchange, 404);
            }
        }
    }

    private List<CaughtMail> newestFirst() {
        List<CaughtMail> newestFirst = new ArrayList<>(messages);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private String table() {
        if (messages.isEmpty()) {
            return "<p>No mail yet. SMTP is listening on 127.0.0.1:" + smtpPort() + ".</p>";
        }
        StringBuilder rows = new StringBuilder();
        for (CaughtMail mail : newestFirst()) {
            rows.append("<tr><td>").append(escape(mail.receivedAt().toString()))
                    .append("</td><td>").append(escape(mail.from()))
                    .append("</td><td>").append(escape(String.join(", ", mail.to())))
                    .append("</td><td>").append(escape(mail.subject()))
                    .append("</td><td><pre>").append(escape(mail.text() != null ? mail.text() : "(HTML only)"))
                    .append("</pre></td></tr>\n");
        }
        return "<table><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th><th>Text</th></tr>\n"
                + rows + "</table>";
    }
}
