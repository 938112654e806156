package io.dmskit.core.internal;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.model.DmsIdentifiers;
import java.util.List;

/** DMS identifier rules ({@link DmsIdentifiers}) reported as definition problems. */
public final class Identifiers {


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
        for (String problem : DmsIdentifiers.problems(id, maxLength)) {
            problems.add(DefinitionProblem.of(field, id == null || id.isEmpty()
                    ? "an identifier is required" : Validate.show(id) + " " + problem));
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
        for (String problem : DmsIdentifiers.subnetGroupProblems(id)) {
            problems.add(DefinitionProblem.of(field, id == null || id.isEmpty()
                    ? "an identifier is required" : Validate.show(id) + " " + problem));
        }
    }

    /**
     * Checks a reference to a replication subnet group (which may be {@code default}, or one the pipeline does not
     * define).
     *
     * @param problems where problems go
     * @param field field name
     * @param id the referenced identifier
     */
    public static void checkSubnetGroupReference(List<DefinitionProblem> problems, String field, String id) {
        for (String problem : DmsIdentifiers.subnetGroupProblems(id)) {
            if (!problem.contains("'default'")) {
                problems.add(DefinitionProblem.of(field, id.isEmpty() ? "is empty" : Validate.show(id) + " " + problem));
            }
        }
    }
}
