package io.dmskit.core.settings;

import io.dmskit.core.exception.DefinitionProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * DMS's rules for {@link ChangeProcessingTuning}, hand-written next to the generated class
 * ({@link ChangeProcessingTuning#problems()} calls it). Each problem names DMS's own field.
 */
final class ChangeProcessingTuningRules {

    private ChangeProcessingTuningRules() {
    }

    static List<DefinitionProblem> problems(ChangeProcessingTuning s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        s.statementCacheSize().filter(v -> v < 0 || v > 200).ifPresent(v -> problems.add(DefinitionProblem.of(
            "ChangeProcessingTuning.StatementCacheSize", "StatementCacheSize must be 0..200, was " + v)));
        if (s.batchApplyTimeoutMin().isPresent() && s.batchApplyTimeoutMax().isPresent()
                && s.batchApplyTimeoutMin().get() > s.batchApplyTimeoutMax().get()) {
            problems.add(DefinitionProblem.of("ChangeProcessingTuning.BatchApplyTimeoutMin",
                "BatchApplyTimeoutMin must not exceed BatchApplyTimeoutMax"));
        }
        return problems;
    }
}
