package io.leadflow.cadence.claim;

import java.util.Optional;

import io.leadflow.cadence.lead.Lead;

/** The small HTML pages of the claim link; everything from the lead is escaped. */
final class ClaimPages {

    private ClaimPages() {
    }

    static String offer(Lead lead, Optional<String> holder) {
        String action = holder.map(name -> "<p class=\"taken\">Already claimed by " + escape(name) + ".</p>")
                .orElse("<form method=\"post\"><button type=\"submit\">Claim this lead</button></form>");
        return page("New lead: " + name(lead), details(lead) + action);
    }

    static String yours(Lead lead) {
        return page("It's yours: call " + name(lead) + " now", details(lead));
    }

    static String taken(Lead lead, Optional<String> holder) {
        return page("Already claimed", "<p class=\"taken\">" + escape(holder.orElse("Another rep")) + " claimed "
                + escape(name(lead)) + " first.</p>");
    }

    static String message(String text) {
        return page("Claim link", "<p>" + escape(text) + "</p>");
    }

    private static String details(Lead lead) {
        StringBuilder html = new StringBuilder("<dl>");
        row(html, "Phone", lead.phoneE164);
        row(html, "Email", lead.email);
        row(html, "Source", lead.sourceId);
        row(html, "Received", lead.receivedAt.toString());
        row(html, "In their words", lead.message);
        return html.append("</dl>").toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        if (value != null && !value.isBlank()) {
            html.append("<dt>").append(label).append("</dt><dd>").append(escape(value)).append("</dd>");
        }
    }

    private static String name(Lead lead) {
        return lead.fullName != null ? lead.fullName : lead.firstName != null ? lead.firstName : "the lead";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title></head><body><h1>"
                + escape(title) + "</h1>" + body + "</body></html>";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
