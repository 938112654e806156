package io.dmskit.core.settings;

import io.dmskit.core.exception.DefinitionProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * DMS's rules for {@link TargetMetadata}, hand-written next to the generated class
 * ({@link TargetMetadata#problems()} calls it). Each problem names DMS's own field.
 */
final class TargetMetadataRules {

    private TargetMetadataRules() {
    }

    static List<DefinitionProblem> problems(TargetMetadata s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (s.fullLobMode().orElse(false) && s.limitedSizeLobMode().orElse(false)) {
            problems.add(DefinitionProblem.of("TargetMetadata.FullLobMode",
                "FullLobMode and LimitedSizeLobMode cannot both be true"));
        }
        if (s.lobMaxSize().filter(v -> v < 0 || v > 102_400).isPresent()) {
            problems.add(DefinitionProblem.of("TargetMetadata.LobMaxSize", "LobMaxSize must be 0..102400 KB"));
        }
        if (s.inlineLobMaxSize().filter(v -> v < 0 || v > 102_400).isPresent()) {
            problems.add(DefinitionProblem.of("TargetMetadata.InlineLobMaxSize", "InlineLobMaxSize must be 0..102400 KB"));
        }
        if (s.parallelLoadBufferSize().filter(v -> v > 1000).isPresent()) {
            problems.add(DefinitionProblem.of("TargetMetadata.ParallelLoadBufferSize",
                "ParallelLoadBufferSize must be at most 1000"));
        }
        if (s.parallelApplyBufferSize().filter(v -> v > 1000).isPresent()) {
            problems.add(DefinitionProblem.of("TargetMetadata.ParallelApplyBufferSize",
                "ParallelApplyBufferSize must be at most 1000"));
        }
        return problems;
    }
}
