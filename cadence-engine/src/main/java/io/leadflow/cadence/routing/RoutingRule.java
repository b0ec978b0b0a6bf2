package io.leadflow.cadence.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadflow.cadence.problem.Problem;

/**
 * One of a source's routing rules: every condition given must hold (none given: matches every lead),
 * and the lead goes to {@code repId} or to {@code teamId}'s rotation.
 *
 * @param postalPrefix the lead's postal code starts with it, e.g. {@code 331}
 * @param source       the lead's source id
 * @param interest     the lead's community or product, ignoring case
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingRule(String postalPrefix, String source, String interest, UUID repId, String teamId) {

    public boolean matches(LeadFacts lead) {
        return (postalPrefix == null || (lead.postalCode() != null
                && lead.postalCode().startsWith(postalPrefix.replaceAll("\\s", "").toUpperCase(Locale.ROOT))))
                && (source == null || source.equals(lead.sourceId()))
                && (interest == null || lead.interests().stream().anyMatch(interest::equalsIgnoreCase));
    }

    /** The conditions, as the routing reason names them: {@code postal 331*, interest oak ridge}. */
    public String describe() {
        List<String> conditions = new ArrayList<>();
        if (postalPrefix != null) {
            conditions.add("postal " + postalPrefix + "*");
        }
        if (source != null) {
            conditions.add("source " + source);
        }
        if (interest != null) {
            conditions.add("interest " + interest.toLowerCase(Locale.ROOT));
        }
        return conditions.isEmpty() ? "any lead" : String.join(", ", conditions);
    }

    /** What is wrong with the rule as submitted, each named under {@code field} ({@code routingRules[0].repId}). */
    public List<Problem.InvalidParam> problems(String field) {
        List<Problem.InvalidParam> problems = new ArrayList<>();
        if ((repId == null) == (teamId == null)) {
            problems.add(new Problem.InvalidParam(field, "names a repId or a teamId, not both"));
        }
        if (repId != null && Rep.<Rep>findByIdOptional(repId).filter(rep -> rep.role == RepRole.rep).isEmpty()) {
            problems.add(new Problem.InvalidParam(field + ".repId", "is not a rep"));
        }
        if (teamId != null && Team.findById(teamId) == null) {
            problems.add(new Problem.InvalidParam(field + ".teamId", "no such team"));
        }
        if (postalPrefix != null && postalPrefix.isBlank()) {
            problems.add(new Problem.InvalidParam(field + ".postalPrefix", "must not be blank"));
        }
        return problems;
    }
}
