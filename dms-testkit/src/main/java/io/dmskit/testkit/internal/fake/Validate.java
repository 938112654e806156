package io.dmskit.testkit.internal.fake;

import io.dmskit.model.DmsIdentifiers;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** DMS's parameter rules, answering with {@code InvalidParameterValueException} as DMS does. Internal. */
final class Validate {


    /** The characters AWS allows in tag keys and values: letters, digits, white space and {@code _ . : / = + - @}. */
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private Validate() {
    }

    /**
     * Refuses a request whose lists hold null elements, at any depth: on the wire they are JSON nulls, which AWS's
     * request validation rejects before any operation looks at them.
     *
     * @param request the request (or a structure inside it)
     */
    static void noNullElements(SdkPojo request) {
        noNullElements(request, "", 0);
    }

    private static void noNullElements(SdkPojo pojo, String path, int depth) {
        if (depth > 16) {
            return;
        }
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            String name = path + f.memberName();
            if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object e = list.get(i);
                    if (e == null) {
                        throw Errors.invalidParameter("The parameter " + name + " must not contain null elements"
                                + " (element " + (i + 1) + ").");
                    }
                    if (e instanceof SdkPojo p) {
                        noNullElements(p, name + "." + (i + 1) + ".", depth + 1);
                    }
                }
            } else if (v instanceof SdkPojo p) {
                noNullElements(p, name + ".", depth + 1);
            }
        }
    }

    /** Tag keys and values: only the characters AWS allows. */
    static void tagText(String what, String value) {
        if (value != null && !TAG_TEXT.matcher(value).matches()) {
            throw Errors.invalidParameter(what + " may contain only Unicode letters, digits, white space and"
                    + " _ . : / = + - @ (Received: '" + printable(value) + "').");
        }
    }

    /** A value as it can be shown in a message: control characters escaped, at most 256 characters. */
    static String printable(String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length() && b.length() < 256; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return value.length() > 256 ? b + "..." : b.toString();
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
