package io.dmskit.core.endpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.List;

/**
 * A secret value (a database password) that never prints itself: {@link #toString()} is redacted, exceptions and
 * plan renderings say {@code (sensitive)}, and the value leaves this object only through {@link #reveal()}, which
 * dmskit calls just to put it into an AWS request.
 *
 * <pre>{@code
 * Secret password = Secret.fromEnv("MYSQL_PASSWORD");
 * Endpoint.mysql("mysql-source").source().serverName("172.20.10.4").port(3306)
 *     .managedSecret("ecommerce/onprem-mysql-password", roleArn, "root", password)
 *     .build();
 * }</pre>
 *
 * <p>Equality compares the values in constant time; {@link #hashCode()} is constant so that a hash never leaks
 * anything about the value.
 */
public final class Secret {

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /**
     * {@return the secret}
     *
     * @param value the secret text, not empty
     * @throws InvalidDefinitionException when value is null or empty (the message does not contain it)
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid("a secret value must not be " + (value == null ? "null" : "empty"));
        }
        return new Secret(value.toCharArray());
    }

    private static InvalidDefinitionException invalid(String message) {
        return new InvalidDefinitionException(List.of(DefinitionProblem.of("Secret", message)));
    }

    /**
     * {@return the secret}
     *
     * @param variable name of an environment variable holding the secret
     * @throws InvalidDefinitionException when the variable name is null, or the variable is unset or empty
     */
    public static Secret fromEnv(String variable) {
        if (variable == null) {
            throw invalid("the environment variable name is null");
        }
        String v = variable.isEmpty() || variable.indexOf('=') >= 0 || variable.indexOf('\0') >= 0 ? null
            : System.getenv(variable);
        if (v == null || v.isEmpty()) {
            throw invalid("environment variable " + io.dmskit.core.internal.Validate.show(variable) + " is not set");
        }
        return new Secret(v.toCharArray());
    }

    /**
     * The clear text. Call it only to hand the value to the system that needs it; never log the result.
     *
     * @return the secret text
     */
    public String reveal() {
        return new String(value);
    }

    /** {@return the length of the value (useful for validation messages that must not show the value)} */
    public int length() {
        return value.length;
    }

    /**
     * {@return whether it is this secret's value (constant time)}
     *
     * @param candidate a clear text to compare with (null never matches)
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(bytes(value), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@return whether the value contains any of them}
     *
     * @param chars characters to look for (null: none)
     */
    public boolean containsAnyOf(String chars) {
        if (chars == null) {
            return false;
        }
        for (char c : value) {
            if (chars.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(char[] chars) {
        return new String(chars).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(bytes(value), bytes(other.value));
    }

    @Override
    public int hashCode() {
        return 0x5ec2e7;
    }

    /** {@return always {@code Secret[redacted]}} */
    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
