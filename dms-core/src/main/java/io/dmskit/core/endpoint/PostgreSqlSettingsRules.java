package io.dmskit.core.endpoint;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.internal.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * DMS's rules for {@link PostgreSqlSettings}, hand-written next to the generated class
 * ({@link PostgreSqlSettings#problems()} calls it). Each problem names DMS's own field.
 */
final class PostgreSqlSettingsRules {

    private PostgreSqlSettingsRules() {
    }

    static List<DefinitionProblem> problems(PostgreSqlSettings s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        AuthenticationMethod authentication = s.authenticationMethod().orElse(null);
        if (authentication == AuthenticationMethod.KERBEROS) {
            problems.add(DefinitionProblem.of("PostgreSQLSettings.AuthenticationMethod",
                "PostgreSQL supports password or iam"));
        }
        if (authentication == AuthenticationMethod.IAM && s.serviceAccessRoleArn().isEmpty()) {
            problems.add(DefinitionProblem.of("PostgreSQLSettings.ServiceAccessRoleArn",
                "AuthenticationMethod iam requires ServiceAccessRoleArn (a role with rds-db:connect)"));
        }
        if (s.databaseMode().orElse(null) == PostgresDatabaseMode.BABELFISH && s.babelfishDatabaseName().isEmpty()) {
            problems.add(DefinitionProblem.of("PostgreSQLSettings.BabelfishDatabaseName",
                "DatabaseMode babelfish requires BabelfishDatabaseName"));
        }
        if (s.heartbeatFrequency().filter(v -> v < 1).isPresent()) {
            problems.add(DefinitionProblem.of("PostgreSQLSettings.HeartbeatFrequency",
                "HeartbeatFrequency must be positive (minutes)"));
        }
        Validate.roleArn(problems, "PostgreSQLSettings.ServiceAccessRoleArn", s.serviceAccessRoleArn().orElse(null));
        Validate.noControlCharacters(problems, "PostgreSQLSettings.SlotName", s.slotName().orElse(null));
        return problems;
    }
}
