package io.leadflow.notifier.reply;

import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.jboss.logging.Logger;

import io.leadflow.notifier.NotifierConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the reply mailbox over IMAP every {@code poll-interval} and hands each email to
 * {@link EmailReplies}; an email is deleted only after it was handled, so a crash in between reads
 * it again (and {@link EmailReplies} recognises it by its Message-ID). Off when no host is set.
 */
@ApplicationScoped
public class ImapReplyPoller {

    private static final Logger LOG = Logger.getLogger(ImapReplyPoller.class);

    private final EmailReplies replies;
    private final NotifierConfig.Imap imap;
    private ScheduledExecutorService executor;

    public ImapReplyPoller(EmailReplies replies, NotifierConfig config) {
        this.replies = replies;
        this.imap = config.inboundEmail().imap();
    }

    void start(@Observes StartupEvent event) {
        if (imap.host().filter(host -> !host.isBlank()).isEmpty()) {
            LOG.info("no IMAP host (leadflow.notifier.inbound-email.imap.host): email replies arrive by webhook only");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "imap-reply-poller");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, imap.pollInterval().toMillis());
        executor.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void poll() {
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "5000");
        properties.put("mail." + protocol + ".timeout", "10000");
        try {
            Store store = Session.getInstance(properties).getStore(protocol);
            store.connect(imap.host().orElseThrow(), imap.port(), imap.user().orElse(null), imap.password().orElse(null));
            try (store) {
                Folder folder = store.getFolder(imap.folder());
                folder.open(Folder.READ_WRITE);
                try {
                    handleAll(folder.search(new FlagTerm(new Flags(Flags.Flag.DELETED), false)));
                } finally {
                    folder.close(true);
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // the emails stay in the mailbox; the next poll reads them again
            LOG.warnf("reading the reply mailbox failed (%s); trying again at the next poll", e.getClass().getSimpleName());
        }
    }

    private void handleAll(Message[] messages) throws MessagingException {
        for (Message message : messages) {
            try {
                replies.receive(MailMessages.toInbound((MimeMessage) message));
                message.setFlag(Flags.Flag.DELETED, true);
            } catch (RuntimeException e) {
                LOG.warnf(e, "email %d of the reply mailbox could not be handled; it stays for the next poll",
                        message.getMessageNumber());
            }
        }
    }
}
