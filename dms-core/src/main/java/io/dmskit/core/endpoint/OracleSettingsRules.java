package io.dmskit.core.endpoint;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.internal.Validate;
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
        Validate.roleArn(problems, "OracleSettings.SecretsManagerOracleAsmAccessRoleArn",
            s.secretsManagerOracleAsmAccessRoleArn().orElse(null));
        Validate.secretId(problems, "OracleSettings.SecretsManagerOracleAsmSecretId", s.secretsManagerOracleAsmSecretId().orElse(null));
        Validate.hostName(problems, "OracleSettings.AsmServer", s.asmServer().orElse(null));
        Validate.noControlCharacters(problems, "OracleSettings.AsmUser", s.asmUser().orElse(null));
        return problems;
    }
}
