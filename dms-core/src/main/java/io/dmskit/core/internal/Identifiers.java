package io.dmskit.core.internal;

import io.dmskit.core.DefinitionProblem;
import java.util.List;
import java.util.regex.Pattern;

/** DMS identifier rules: begins with a letter; ASCII letters, digits and hyphens; no trailing or double hyphen. */
public final class Identifiers {

    private static final Pattern DMS_ID = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    private static final Pattern SUBNET_GROUP_ID = Pattern.compile("[A-Za-z0-9._ -]+");

    private Identifiers() {
    }

    /**
     * Checks an endpoint, task or instance identifier.
     *
     * @param problems where problems go
     * @param field the field name for messages
     * @param id the identifier
     * @param maxLength maximum length (255 for endpoints and tasks, 63 for instances)
     */
    public static void check(List<DefinitionProblem> problems, String field, String id, int maxLength) {
        if (id == null || id.isEmpty()) {
            problems.add(DefinitionProblem.of(field, "an identifier is required"));
            return;
        }
        if (id.length() > maxLength) {
            problems.add(DefinitionProblem.of(field, "'" + id + "' is longer than " + maxLength + " characters"));
        }
        if (!DMS_ID.matcher(id).matches()) {
            problems.add(DefinitionProblem.of(field, "'" + id
                + "' must begin with a letter and contain only ASCII letters, digits and hyphens"));
        }
        if (id.endsWith("-")) {
            problems.add(DefinitionProblem.of(field, "'" + id + "' must not end with a hyphen"));
        }
        if (id.contains("--")) {
            problems.add(DefinitionProblem.of(field, "'" + id + "' must not contain two consecutive hyphens"));
        }
    }

    /**
     * Checks a replication subnet group identifier (letters, digits, periods, underscores, spaces, hyphens; at most
     * 255; not {@code default}).
     *
     * @param problems where problems go
     * @param field field name
     * @param id identifier
     */
    public static void checkSubnetGroup(List<DefinitionProblem> problems, String field, String id) {
        if (id == null || id.isEmpty()) {
            problems.add(DefinitionProblem.of(field, "an identifier is required"));
            return;
        }
        if (id.length() > 255 || !SUBNET_GROUP_ID.matcher(id).matches()) {
            problems.add(DefinitionProblem.of(field, "'" + id
                + "' must be at most 255 letters, digits, periods, underscores, spaces or hyphens"));
        }
        if (id.equalsIgnoreCase("default")) {
            problems.add(DefinitionProblem.of(field, "'default' is reserved by DMS; choose another name"));
        }
    }
}
