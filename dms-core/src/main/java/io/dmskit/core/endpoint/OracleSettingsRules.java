package io.dmskit.core.endpoint;

import io.dmskit.core.exception.DefinitionProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * DMS's rules for {@link OracleSettings}, hand-written next to the generated class
 * ({@link OracleSettings#problems()} calls it). Each problem names DMS's own field.
 */
final class OracleSettingsRules {

    private OracleSettingsRules() {
    }

    static List<DefinitionProblem> problems(OracleSettings s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (s.secretsManagerOracleAsmSecretId().isPresent() != s.secretsManagerOracleAsmAccessRoleArn().isPresent()) {
            problems.add(DefinitionProblem.of("OracleSettings.SecretsManagerOracleAsmSecretId",
                "SecretsManagerOracleAsmSecretId and SecretsManagerOracleAsmAccessRoleArn go together"));
        }
        return problems;
    }
}
