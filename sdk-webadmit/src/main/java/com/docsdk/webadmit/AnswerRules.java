package com.docsdk.webadmit;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.webadmit.model.CustomField;
import com.docsdk.webadmit.model.CustomFieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks a custom field answer against the field's definition before it is sent, and converts it to what the wire
 * takes: {@code boolean} a Boolean; {@code number} a finite Number; {@code date} a {@link LocalDate} or a
 * {@code YYYY-MM-DD} string (sent as that string); {@code string} any text; {@code select} one of the field's
 * {@code options}. {@code null} clears the answer.
 */
final class AnswerRules {
    private AnswerRules() {
    }

    /** The field's type, refusing a missing or undocumented one. */
    static CustomFieldType type(String parameter, CustomField field) {
        ClientValidationException.requireNonNull(parameter, field);
        CustomFieldType type = field.getFieldType();
        ClientValidationException.require(type != null && type != CustomFieldType.UNKNOWN, parameter,
                "custom field " + field.getId() + " has no known field_type");
        return type;
    }

    /** The value to send for this field, or a {@link ClientValidationException} naming {@code parameter}. */
    static Object wireValue(String parameter, CustomField field, Object value) {
        CustomFieldType type = type("field", field);
        if (value == null) {
            return null;
        }
        String expected = "custom field " + field.getId() + " (" + type.getValue() + ")";
        switch (type) {
            case BOOLEAN:
                ClientValidationException.require(value instanceof Boolean, parameter,
                        "must be a Boolean for " + expected + ", was " + kind(value));
                return value;
            case NUMBER:
                ClientValidationException.require(value instanceof Number, parameter,
                        "must be a Number for " + expected + ", was " + kind(value));
                try {
                    return value instanceof BigDecimal ? value : new BigDecimal(value.toString());
                } catch (NumberFormatException e) {
                    throw new ClientValidationException(parameter, "must be a finite number for " + expected);
                }
            case DATE:
                if (value instanceof LocalDate date) {
                    return date.toString();
                }
                ClientValidationException.require(value instanceof CharSequence, parameter,
                        "must be a LocalDate or a YYYY-MM-DD string for " + expected + ", was " + kind(value));
                String text = value.toString();
                try {
                    ClientValidationException.require(text.length() == 10, parameter, "must be YYYY-MM-DD");
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw new ClientValidationException(parameter,
                            "must be a YYYY-MM-DD date for " + expected + ", was '" + text + "'");
                }
            case STRING:
                ClientValidationException.require(value instanceof CharSequence, parameter,
                        "must be text for " + expected + ", was " + kind(value));
                return value.toString();
            case SELECT:
                List<String> options = field.getOptions() == null ? List.of() : field.getOptions();
                ClientValidationException.require(value instanceof CharSequence && options.contains(value.toString()),
                        parameter, "must be one of " + options + " for " + expected + ", was '" + value + "'");
                return value.toString();
            default:
                throw new ClientValidationException(parameter, "cannot be checked for " + expected);
        }
    }

    private static String kind(Object value) {
        return value.getClass().getSimpleName();
    }
}
