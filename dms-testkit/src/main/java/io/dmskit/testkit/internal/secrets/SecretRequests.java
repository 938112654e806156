package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidParameter;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.validation;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;

/** The request-field checks Secrets Manager makes before it looks at any secret: names, tokens, value sizes. */
final class SecretRequests {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final int MAX_VALUE_SIZE = 65_536;

    private SecretRequests() {
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw validation("Invalid name. Must be a valid name containing alphanumeric characters, or any of the"
                    + " following: -/_+=.@! (1 to 512 characters)");
        }
    }

    static void checkToken(String token) {
        if (token != null && (token.length() < 32 || token.length() > 64)) {
            throw validation("Member must have length between 32 and 64 (ClientRequestToken)");
        }
    }

    /**
     * @param required whether one of string and binary must be given
     */
    static void checkValue(String string, SdkBytes binary, boolean required) {
        if (string != null && binary != null) {
            throw invalidParameter("You can't specify both a binary secret value and a string secret value in the"
                    + " same secret.");
        }
        if (required && string == null && binary == null) {
            throw invalidParameter("You must provide either SecretString or SecretBinary.");
        }
        if (string != null && string.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_SIZE) {
            throw validation("Member must have length less than or equal to 65536 (SecretString)");
        }
        if (binary != null && binary.asByteArrayUnsafe().length > MAX_VALUE_SIZE) {
            throw validation("Member must have length less than or equal to 65536 (SecretBinary)");
        }
    }
}
