package io.dmskit.core.settings;

import io.dmskit.core.exception.DefinitionProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * DMS's rules for {@link BeforeImageSettings}, hand-written next to the generated class
 * ({@link BeforeImageSettings#problems()} calls it). Each problem names DMS's own field.
 */
final class BeforeImageSettingsRules {

    private BeforeImageSettingsRules() {
    }

    static List<DefinitionProblem> problems(BeforeImageSettings s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (s.enableBeforeImage().orElse(false) && s.fieldName().orElse("").isBlank()) {
            problems.add(DefinitionProblem.of("BeforeImageSettings.FieldName", "EnableBeforeImage=true requires FieldName"));
        }
        return problems;
    }
}
