package io.dmskit.core.endpoint;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.internal.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * DMS's rules for {@link MySqlSettings}, hand-written next to the generated class ({@link MySqlSettings#problems()}
 * calls it). Each problem names DMS's own field.
 */
final class MySqlSettingsRules {

    private MySqlSettingsRules() {
    }

    static List<DefinitionProblem> problems(MySqlSettings s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        AuthenticationMethod authentication = s.authenticationMethod().orElse(null);
        if (authentication == AuthenticationMethod.KERBEROS) {
            problems.add(DefinitionProblem.of("MySQLSettings.AuthenticationMethod", "MySQL supports password or iam"));
        }
        if (authentication == AuthenticationMethod.IAM && s.serviceAccessRoleArn().isEmpty()) {
            problems.add(DefinitionProblem.of("MySQLSettings.ServiceAccessRoleArn",
                "AuthenticationMethod iam requires ServiceAccessRoleArn (a role with rds-db:connect)"));
        }
        if (s.eventsPollInterval().filter(v -> v < 1).isPresent()) {
            problems.add(DefinitionProblem.of("MySQLSettings.EventsPollInterval", "EventsPollInterval must be positive"));
        }
        Validate.roleArn(problems, "MySQLSettings.ServiceAccessRoleArn", s.serviceAccessRoleArn().orElse(null));
        return problems;
    }
}
