package io.leadflow.cadence.routing;

import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code rep.working_hours_json}: the days as {@link WorkingHours#byDayName()} writes them. */
@Converter
public class WorkingHoursConverter implements AttributeConverter<WorkingHours, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, String>>> DAYS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(WorkingHours hours) {
        try {
            return hours == null ? null : JSON.writeValueAsString(hours.byDayName());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Working hours cannot be written as JSON", e);
        }
    }

    @Override
    public WorkingHours convertToEntityAttribute(String json) {
        try {
            return json == null ? null : WorkingHours.of(JSON.readValue(json, DAYS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rep.working_hours_json is not valid", e);
        }
    }
}
