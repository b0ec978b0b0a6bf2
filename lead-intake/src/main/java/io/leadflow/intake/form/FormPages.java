package io.leadflow.intake.form;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.source.SourceSettings;
import io.quarkus.qute.Template;

/**
 * The HTML a source's site owner uses: a sample page, the form snippet to paste, the built-in thank-you page.
 * None of them holds a source key; the form key in the address is public.
 */
@ApplicationScoped
public class FormPages {

    @Inject
    Template formPage;

    @Inject
    Template leadForm;

    @Inject
    Template formThanks;

    @Inject
    FormTokens tokens;

    @Inject
    IntakeConfig config;

    /** The sample page, with a token rendered into it. */
    String page(SourceSettings source) {
        return formPage.data("source", source)
                .data("action", formUrl(source))
                .data("tokenUrl", formUrl(source) + "/token")
                .data("token", tokens.issue(source.formKey()))
                .data("consentText", source.consentText())
                .data("snippetUrl", formUrl(source) + "/snippet")
                .render();
    }

    /** The form alone; it fetches its token when the page that embeds it loads. */
    String snippet(SourceSettings source) {
        return leadForm.data("action", formUrl(source))
                .data("tokenUrl", formUrl(source) + "/token")
                .data("token", null)
                .data("consentText", source.consentText())
                .render();
    }

    String thanks(SourceSettings source) {
        return formThanks.data("source", source).render();
    }

    private String formUrl(SourceSettings source) {
        return config.publicBaseUrl().replaceAll("/+$", "") + "/f/" + source.formKey();
    }
}
