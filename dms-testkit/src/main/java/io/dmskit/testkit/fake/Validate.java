package io.dmskit.testkit.fake;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** DMS's parameter rules, answering with {@code InvalidParameterValueException} as DMS does. Internal. */
final class Validate {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    private static final Pattern SUBNET_GROUP_ID = Pattern.compile("[A-Za-z0-9._ -]+");

    private Validate() {
    }

    /**
     * The identifier rule of endpoints, instances and tasks: 1 to {@code max} letters, digits or hyphens, starting
     * with a letter, not ending with a hyphen, no two consecutive hyphens.
     */
    static String identifier(String parameter, String value, int max) {
        required(parameter, value);
        String problem = null;
        if (value.length() > max) {
            problem = "must contain from 1 to " + max + " alphanumeric characters or hyphens";
        } else if (!Character.isLetter(value.charAt(0)) || value.charAt(0) > 'z') {
            problem = "must begin with a letter";
        } else if (!IDENTIFIER.matcher(value).matches()) {
            problem = "must contain only ASCII letters, digits, and hyphens";
        } else if (value.endsWith("-")) {
            problem = "must not end with a hyphen";
        } else if (value.contains("--")) {
            problem = "must not contain two consecutive hyphens";
        }
        if (problem != null) {
            throw Errors.invalidParameter("The parameter " + parameter + " is not a valid identifier. Identifiers "
                    + problem + ". (Received: '" + value + "')");
        }
        return value;
    }

    /** Subnet group identifier: up to 255 letters, digits, periods, spaces, underscores or hyphens; not "default". */
    static String subnetGroupIdentifier(String value) {
        required("ReplicationSubnetGroupIdentifier", value);
        if (value.length() > 255 || !SUBNET_GROUP_ID.matcher(value).matches()) {
            throw Errors.invalidParameter("The parameter ReplicationSubnetGroupIdentifier must contain no more than "
                    + "255 alphanumeric characters, periods, spaces, underscores, or hyphens. (Received: '" + value
                    + "')");
        }
        if (value.equalsIgnoreCase("default")) {
            throw Errors.invalidParameter("The parameter ReplicationSubnetGroupIdentifier must not be \"default\".");
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
