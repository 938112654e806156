package io.dmskit.core.settings;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.List;

/**
 * One entry of {@code Logging.LogComponents}: a component id (for example {@code SOURCE_CAPTURE},
 * {@code TARGET_APPLY}) and its severity.
 *
 * @param id the component id as DMS names it
 * @param severity the severity
 */
public record LogComponent(String id, LogSeverity severity) {

    /** Component id: source change capture. */
    public static final String SOURCE_CAPTURE = "SOURCE_CAPTURE";
    /** Component id: source unload (full load). */
    public static final String SOURCE_UNLOAD = "SOURCE_UNLOAD";
    /** Component id: target apply (CDC). */
    public static final String TARGET_APPLY = "TARGET_APPLY";
    /** Component id: target load (full load). */
    public static final String TARGET_LOAD = "TARGET_LOAD";
    /** Component id: task manager. */
    public static final String TASK_MANAGER = "TASK_MANAGER";

    /**
     * Validates the components.
     *
     * @throws InvalidDefinitionException when id is null or blank, or severity is null
     */
    public LogComponent {
        if (id == null || id.isBlank() || severity == null) {
            throw new InvalidDefinitionException(List.of(DefinitionProblem.of("Logging.LogComponents",
                id == null || id.isBlank() ? "a log component needs an id" : "log component " + id + " needs a severity")));
        }
    }
}
