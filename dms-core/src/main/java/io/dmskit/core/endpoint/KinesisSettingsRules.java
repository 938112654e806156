package io.dmskit.core.endpoint;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.internal.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * DMS's rules for {@link KinesisSettings}, hand-written next to the generated class
 * ({@link KinesisSettings#problems()} calls it). Each problem names DMS's own field.
 */
final class KinesisSettingsRules {

    private KinesisSettingsRules() {
    }

    static List<DefinitionProblem> problems(KinesisSettings s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (s.streamArn().orElse("").isBlank()) {
            problems.add(DefinitionProblem.of("KinesisSettings.StreamArn", "a Kinesis target needs StreamArn"));
        }
        if (s.serviceAccessRoleArn().orElse("").isBlank()) {
            problems.add(DefinitionProblem.of("KinesisSettings.ServiceAccessRoleArn",
                "a Kinesis target needs ServiceAccessRoleArn (a role allowed to write the stream)"));
        }
        Validate.arn(problems, "KinesisSettings.StreamArn", s.streamArn().filter(a -> !a.isBlank()).orElse(null), "kinesis", "stream/");
        Validate.roleArn(problems, "KinesisSettings.ServiceAccessRoleArn", s.serviceAccessRoleArn().filter(a -> !a.isBlank()).orElse(null));
        return problems;
    }
}
