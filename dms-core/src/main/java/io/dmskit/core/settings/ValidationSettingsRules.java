package io.dmskit.core.settings;

import io.dmskit.core.exception.DefinitionProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DMS's rules for {@link ValidationSettings}, hand-written next to the generated class
 * ({@link ValidationSettings#problems()} calls it). Each problem names DMS's own field.
 */
final class ValidationSettingsRules {

    private ValidationSettingsRules() {
    }

    static List<DefinitionProblem> problems(ValidationSettings s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        s.validationMode().filter(m -> !"ROW_LEVEL".equals(m)).ifPresent(m -> problems.add(DefinitionProblem.of(
            "ValidationSettings.ValidationMode", "ValidationMode must be ROW_LEVEL, was " + m)));
        // only an explicit EnableValidation=false conflicts; unset leaves DMS's default
        if (s.validationOnly().orElse(false) && s.enableValidation().equals(Optional.of(false))) {
            problems.add(DefinitionProblem.of("ValidationSettings.ValidationOnly",
                "ValidationOnly needs EnableValidation=true"));
        }
        return problems;
    }
}
