package io.dmskit.testkit.internal.fake;

import io.dmskit.model.DmsIdentifiers;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** DMS's parameter rules, answering with {@code InvalidParameterValueException} as DMS does. Internal. */
final class Validate {


    private Validate() {
    }

    /**
     * The identifier rule of endpoints, instances and tasks: 1 to {@code max} letters, digits or hyphens, starting
     * with a letter, not ending with a hyphen, no two consecutive hyphens.
     */
    static String identifier(String parameter, String value, int max) {
        required(parameter, value);
        List<String> problems = DmsIdentifiers.problems(value, max);
        if (!problems.isEmpty()) {
            throw Errors.invalidParameter("The parameter " + parameter + " is not a valid identifier. Identifiers "
                    + String.join("; ", problems) + ". (Received: '" + value + "')");
        }
        return value;
    }

    /** Subnet group identifier: up to 255 letters, digits, periods, spaces, underscores or hyphens; not "default". */
    static String subnetGroupIdentifier(String value) {
        required("ReplicationSubnetGroupIdentifier", value);
        List<String> problems = DmsIdentifiers.subnetGroupProblems(value);
        if (!problems.isEmpty()) {
            throw Errors.invalidParameter("The parameter ReplicationSubnetGroupIdentifier "
                    + String.join("; ", problems) + ". (Received: '" + value + "')");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static String required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw Errors.invalidParameter("The parameter " + parameter + " must be provided and must not be blank.");
        }
        return value;
    }

    static <T> List<T> requiredList(String parameter, List<T> value) {
        if (value == null || value.isEmpty()) {
            throw Errors.invalidParameter("The parameter " + parameter + " must be provided and must not be empty.");
        }
        return value;
    }

    static String oneOf(String parameter, String value, Set<String> allowed) {
        required(parameter, value);
        if (!allowed.contains(value)) {
            throw Errors.invalidParameter("Invalid value '" + value + "' for " + parameter + ". Valid values: "
                    + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        return value;
    }

    static void range(String parameter, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw Errors.invalidParameter("The parameter " + parameter + " must be between " + min + " and " + max
                    + ". (Received: " + value + ")");
        }
    }

    /** An ARN of this fake's partition/service, of the given resource type (e.g. {@code endpoint}). */
    static String arn(String parameter, String value, String resourceType) {
        required(parameter, value);
        if (!value.startsWith("arn:aws:dms:") || !value.contains(":" + resourceType + ":")) {
            throw Errors.invalidParameter("Invalid " + parameter + ": '" + value + "' is not a valid "
                    + resourceType + " ARN (expected arn:aws:dms:<region>:<account>:" + resourceType + ":<id>).");
        }
        return value;
    }
}
