package io.dmskit.core.exception;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition (endpoint, instance, task, settings, pipeline) is invalid; {@link #problems()} lists every problem
 * found, not only the first. Thrown by builders' {@code build()}, before any AWS call.
 */
public class InvalidDefinitionException extends DmsKitException {

    private static final long serialVersionUID = 1L;

    private final transient List<DefinitionProblem> problems;

    /**
     * Creates an {@code InvalidDefinitionException}.
     *
     * @param problems every problem found (at least one)
     */
    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super(message(problems), firstResource(problems), "build", null, null, null);
        this.problems = List.copyOf(problems);
    }

    private static String firstResource(List<DefinitionProblem> problems) {
        return problems.isEmpty() ? null : problems.get(0).resource();
    }

    private static String message(List<DefinitionProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the definition:\n"
            + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }

    /** {@return every problem, in the order found} */
    public List<DefinitionProblem> problems() {
        return problems;
    }
}
