package io.dmskit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DMS's identifier rules, as the API reference states them for {@code ReplicationTaskIdentifier},
 * {@code EndpointIdentifier}, {@code ReplicationInstanceIdentifier} and {@code ReplicationSubnetGroupIdentifier}.
 * dms-core checks definitions with them offline and dms-testkit's FakeDms rejects requests with them, so both say the
 * same thing about the same identifier.
 *
 * <pre>{@code
 * List<String> problems = DmsIdentifiers.problems("Acme_Corp-task", DmsIdentifiers.TASK_MAX_LENGTH);
 * // ["must contain only ASCII letters, digits and hyphens"]
 * }</pre>
 */
public final class DmsIdentifiers {

    /** Longest task, endpoint and replication config identifier. */
    public static final int TASK_MAX_LENGTH = 255;
    /** Longest endpoint identifier. */
    public static final int ENDPOINT_MAX_LENGTH = 255;
    /** Longest replication instance identifier. */
    public static final int INSTANCE_MAX_LENGTH = 63;
    /** Longest replication subnet group identifier. */
    public static final int SUBNET_GROUP_MAX_LENGTH = 255;

    private static final Pattern LETTERS_DIGITS_HYPHENS = Pattern.compile("[A-Za-z0-9-]*");
    private static final Pattern SUBNET_GROUP_ID = Pattern.compile("[A-Za-z0-9._ -]+");

    private DmsIdentifiers() {
    }

    /**
     * Checks an endpoint, task, instance or replication config identifier: 1 to {@code maxLength} ASCII letters,
     * digits or hyphens, beginning with a letter, not ending with a hyphen, no two consecutive hyphens.
     *
     * @param id the identifier (null counts as missing)
     * @param maxLength the longest allowed
     * @return every broken rule as a phrase ("must begin with a letter"); empty when the identifier is valid
     */
    public static List<String> problems(String id, int maxLength) {
        List<String> out = new ArrayList<>();
        if (id == null || id.isEmpty()) {
            out.add("is required");
            return out;
        }
        if (id.length() > maxLength) {
            out.add("must be at most " + maxLength + " characters (it has " + id.length() + ")");
        }
        char first = id.charAt(0);
        if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'))) {
            out.add("must begin with a letter");
        }
        if (!LETTERS_DIGITS_HYPHENS.matcher(id).matches()) {
            out.add("must contain only ASCII letters, digits and hyphens");
        }
        if (id.endsWith("-")) {
            out.add("must not end with a hyphen");
        }
        if (id.contains("--")) {
            out.add("must not contain two consecutive hyphens");
        }
        return List.copyOf(out);
    }

    /**
     * Checks a replication subnet group identifier: 1 to 255 letters, digits, periods, underscores, spaces or
     * hyphens, and not {@code default}.
     *
     * @param id the identifier (null counts as missing)
     * @return every broken rule as a phrase; empty when valid
     */
    public static List<String> subnetGroupProblems(String id) {
        List<String> out = new ArrayList<>();
        if (id == null || id.isEmpty()) {
            out.add("is required");
            return out;
        }
        if (id.length() > SUBNET_GROUP_MAX_LENGTH) {
            out.add("must be at most " + SUBNET_GROUP_MAX_LENGTH + " characters (it has " + id.length() + ")");
        }
        if (!SUBNET_GROUP_ID.matcher(id).matches()) {
            out.add("must contain only letters, digits, periods, underscores, spaces or hyphens");
        }
        if (id.equalsIgnoreCase("default")) {
            out.add("must not be 'default'");
        }
        return List.copyOf(out);
    }
}
