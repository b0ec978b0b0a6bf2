package io.leadflow.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.localstack.HttpPages;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MailCatcherTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MailCatcher catcher;

    @BeforeAll
    static void startCatcher() {
        catcher = MailCatcher.start(0, 0);
    }

    @AfterAll
    static void stopCatcher() {
        catcher.stop();
    }

    @Test
    void receivesAMailOverSmtpOnceAndShowsItInTheApi() throws Exception {
        Instant before = Instant.now();

        sendMail("Oak Ridge homes for you, Maria", "Hi Maria, here are three homes near good schools.");

        assertThat(catcher.messages()).singleElement().satisfies(mail -> {
            assertThat(mail.receivedAt()).isBetween(before, Instant.now());
            assertThat(mail.from()).isEqualTo("Leadflow <hello@leadflow.example>");
            assertThat(mail.to()).containsExactlyInAnyOrder("maria@example.com", "rep@leadflow.example");
            assertThat(mail.subject()).isEqualTo("Oak Ridge homes for you, Maria");
            assertThat(mail.text()).contains("three homes near good schools");
            assertThat(mail.messageId()).isNotBlank();
            assertThat(mail.headers()).containsEntry("Subject", "Oak Ridge homes for you, Maria");
        });
        JsonNode listed = HttpPages.JSON.readTree(get("/api/messages").body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("subject").asText()).isEqualTo("Oak Ridge homes for you, Maria");
        assertThat(listed.get(0).get("to").get(0).asText()).contains("@");
        assertThat(get("/").body()).contains("Oak Ridge homes for you, Maria");

        HttpResponse<String> cleared = HTTP.send(HttpRequest.newBuilder(URI.create(catcher.pageUrl() + "api/messages"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(catcher.messages()).isEmpty();
    }

    @Test
    void refusesSmtpWhileStoppedAndDeliversAgainOnTheSamePortAfterwards() throws Exception {
        int port = catcher.smtpPort();
        catcher.stopSmtp();
        try {
            assertThatThrownBy(() -> sendMail("During the outage", "Nobody hears this."))
                    .isInstanceOf(MessagingException.class);
        } finally {
            catcher.startSmtp();
        }

        sendMail("After the outage", "Hi Maria, the homes are still there.");

        assertThat(catcher.smtpPort()).isEqualTo(port);
        assertThat(catcher.messages()).extracting(CaughtMail::subject).containsExactly("After the outage");
        catcher.clear();
    }

    private static void sendMail(String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(catcher.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("hello@leadflow.example", "Leadflow"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("maria@example.com"));
        message.setRecipient(Message.RecipientType.BCC, new InternetAddress("rep@leadflow.example"));
        message.setSubject(subject);
        message.setText(text);
        Transport.send(message);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + catcher.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
