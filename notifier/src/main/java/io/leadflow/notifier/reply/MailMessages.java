package io.leadflow.notifier.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** An email read from the mailbox, as an {@link InboundEmail}. */
final class MailMessages {

    private MailMessages() {
    }

    static InboundEmail toInbound(MimeMessage message) {
        try {
            List<String> recipients = new ArrayList<>();
            addAll(recipients, message.getRecipients(Message.RecipientType.TO));
            addAll(recipients, message.getRecipients(Message.RecipientType.CC));
            for (String header : List.of("Delivered-To", "X-Original-To")) {
                String[] values = message.getHeader(header);
                if (values != null) {
                    recipients.addAll(List.of(values));
                }
            }
            return new InboundEmail(message.getMessageID(), recipients, text(message));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable email", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addAll(List<String> recipients, Address[] addresses) {
        if (addresses != null) {
            for (Address address : addresses) {
                recipients.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
            }
        }
    }

    /** The first text/plain part; the first text/html part without its tags when there is none. */
    private static String text(Part part) throws MessagingException, IOException {
        String plain = firstOf(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = firstOf(part, "text/html");
        return html == null ? "" : html.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "");
    }

    private static String firstOf(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = firstOf(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
