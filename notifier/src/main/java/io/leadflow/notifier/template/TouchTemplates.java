package io.leadflow.notifier.template;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders touches from {@code templates/touches/<template>/}: {@code sms.txt} for a text,
 * {@code email-subject.txt}, {@code email.html} and {@code email.txt} for an email.
 */
@ApplicationScoped
public class TouchTemplates {

    static final String ROOT = "touches/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Engine engine;

    public TouchTemplates(Engine engine) {
        this.engine = engine;
    }

    /** One SMS body on one line, whitespace collapsed. */
    public String renderSms(String template, Map<String, String> data) {
        return oneLine(render(template, "sms.txt", data));
    }

    public RenderedEmail renderEmail(String template, Map<String, String> data) {
        String subject = oneLine(render(template, "email-subject.txt", data));
        String html = render(template, "email.html", data).strip() + "\n";
        String text = render(template, "email.txt", data).strip().replaceAll("\n{3,}", "\n\n") + "\n";
        String unsubscribeUrl = data.getOrDefault(TemplateData.UNSUBSCRIBE_URL, "");
        return new RenderedEmail(subject, html, text, unsubscribeUrl.isEmpty() ? null : unsubscribeUrl, null);
    }

    private String render(String template, String file, Map<String, String> data) {
        Template found = find(template, file);
        if (found == null) {
            throw new TemplateMissingException(template + "/" + file);
        }
        TemplateInstance instance = found.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private Template find(String template, String file) {
        // the name comes from a Kafka record: never let it walk the template tree
        if (template == null || !NAME.matcher(template).matches()) {
            return null;
        }
        return engine.getTemplate(ROOT + template + "/" + file);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
