package io.dmskit.core.settings;

import io.dmskit.core.exception.DefinitionProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * DMS's rules for {@link FullLoadSettings}, hand-written next to the generated class
 * ({@link FullLoadSettings#problems()} calls it). Each problem names DMS's own field.
 */
final class FullLoadSettingsRules {

    private FullLoadSettingsRules() {
    }

    static List<DefinitionProblem> problems(FullLoadSettings s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        s.maxFullLoadSubTasks().filter(v -> v < 1 || v > 49).ifPresent(v -> problems.add(DefinitionProblem.of(
            "FullLoadSettings.MaxFullLoadSubTasks", "MaxFullLoadSubTasks must be 1..49, was " + v)));
        s.commitRate().filter(v -> v < 1 || v > 50_000).ifPresent(v -> problems.add(DefinitionProblem.of(
            "FullLoadSettings.CommitRate", "CommitRate must be 1..50000, was " + v)));
        if (s.stopTaskCachedChangesApplied().orElse(false) && s.stopTaskCachedChangesNotApplied().orElse(false)) {
            problems.add(DefinitionProblem.of("FullLoadSettings.StopTaskCachedChangesApplied",
                "StopTaskCachedChangesApplied and StopTaskCachedChangesNotApplied cannot both be true"));
        }
        return problems;
    }
}
