package io.dmskit.core.endpoint;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.List;

/**
 * How DMS authenticates to an endpoint's database: a clear-text user and {@link Secret} password, a reference to a
 * Secrets Manager secret that already exists, or a secret dmskit creates and keeps up to date from a {@link Secret}
 * value. The Secrets Manager variants go into the engine settings ({@code SecretsManagerSecretId} +
 * {@code SecretsManagerAccessRoleArn}), never together with a clear-text password.
 */
public sealed interface Credentials permits Credentials.Password, Credentials.SecretsManagerReference,
    Credentials.ManagedSecret {

    /**
     * {@return clear-text credentials sent in the endpoint request}
     *
     * @param username the database user
     * @param password the password
     * @throws InvalidDefinitionException when password is null (the other values are checked by the endpoint's
     *     {@code build()})
     */
    static Password password(String username, Secret password) {
        return new Password(username, password);
    }

    /**
     * {@return a reference to an existing secret in DMS's format (username, password, host, port)}
     *
     * @param secretId the secret's ARN (or name)
     * @param accessRoleArn the role DMS assumes to read it
     */
    static SecretsManagerReference secretsManager(String secretId, String accessRoleArn) {
        return new SecretsManagerReference(secretId, accessRoleArn);
    }

    /**
     * {@return a secret managed by the provisioner (host and port come from the endpoint)}
     *
     * @param secretName the name of the secret dmskit creates or updates
     * @param accessRoleArn the role DMS assumes to read it
     * @param username the database user
     * @param password the password
     * @throws InvalidDefinitionException when password is null
     */
    static ManagedSecret managedSecret(String secretName, String accessRoleArn, String username, Secret password) {
        return new ManagedSecret(secretName, accessRoleArn, username, password, null);
    }

    private static void requirePassword(Secret password) {
        if (password == null) {
            throw new InvalidDefinitionException(List.of(DefinitionProblem.of("Password",
                "is null: pass a Secret (Secret.of, Secret.fromEnv)")));
        }
    }

    /**
     * Clear-text credentials.
     *
     * @param username the database user
     * @param password the password (never printed)
     */
    record Password(String username, Secret password) implements Credentials {
        /**
         * Validates the components.
         *
         * @throws InvalidDefinitionException when password is null
         */
        public Password {
            requirePassword(password);
        }
    }

    /**
     * An existing secret.
     *
     * @param secretId secret ARN, partial ARN or name
     * @param accessRoleArn role DMS assumes to read the secret
     */
    record SecretsManagerReference(String secretId, String accessRoleArn) implements Credentials {
    }

    /**
     * A secret dmskit creates (or updates) in the format DMS expects:
     * {@code {"username", "password", "host", "port"}}.
     *
     * @param secretName secret name
     * @param accessRoleArn role DMS assumes to read the secret
     * @param username database user
     * @param password database password (never printed)
     * @param kmsKeyId KMS key for the secret, or null for the account default
     */
    record ManagedSecret(String secretName, String accessRoleArn, String username, Secret password, String kmsKeyId)
        implements Credentials {
        /**
         * Validates the components.
         *
         * @throws InvalidDefinitionException when password is null
         */
        public ManagedSecret {
            requirePassword(password);
        }

        /**
         * {@return a copy using that key}
         *
         * @param keyId KMS key id or ARN encrypting the secret
         */
        public ManagedSecret withKmsKeyId(String keyId) {
            return new ManagedSecret(secretName, accessRoleArn, username, password, keyId);
        }
    }
}
