package io.dmskit.mappings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a table-mapping document is malformed or would be rejected by DMS. {@link #problems()} lists every
 * problem found (errors and warnings), each naming the rule, a JSON path and what to do.
 */
public class InvalidTableMappingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<MappingProblem> problems;

    /**
     * Creates an {@code InvalidTableMappingsException}.
     *
     * @param problems every problem found; at least one should be an error (null and null elements are left out)
     */
    public InvalidTableMappingsException(List<MappingProblem> problems) {
        this(problems == null ? List.of() : problems.stream().filter(java.util.Objects::nonNull).toList(), true);
    }

    private InvalidTableMappingsException(List<MappingProblem> problems, boolean copied) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, errors and warnings, in document order} */
    public List<MappingProblem> problems() {
        return problems;
    }

    /** {@return only the problems of severity {@link Severity#ERROR}} */
    public List<MappingProblem> errors() {
        return problems.stream().filter(MappingProblem::isError).toList();
    }

    private static String render(List<MappingProblem> problems) {
        long errors = problems.stream().filter(MappingProblem::isError).count();
        return "Invalid table mappings (" + errors + " error(s), " + (problems.size() - errors) + " warning(s)):\n  "
                + problems.stream().map(MappingProblem::toString).collect(Collectors.joining("\n  "));
    }
}
