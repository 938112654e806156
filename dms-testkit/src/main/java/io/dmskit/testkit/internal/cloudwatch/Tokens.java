package io.dmskit.testkit.internal.cloudwatch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque pagination tokens: the position to resume at, bound to the request it was issued for (a token handed to a
 * different request, or made up, is refused with InvalidNextToken as CloudWatch does).
 */
final class Tokens {

    private Tokens() {
    }

    static String issue(String operation, int fingerprint, int offset) {
        String raw = operation + "|" + Integer.toHexString(fingerprint) + "|" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the offset the token stands for; 0 when token is null */
    static int offset(String operation, int fingerprint, String token) {
        if (token == null) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] p = raw.split("\\|");
            if (p.length == 3 && p[0].equals(operation) && p[1].equals(Integer.toHexString(fingerprint))) {
                int offset = Integer.parseInt(p[2]);
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw CwErrors.invalidNextToken(token);
    }
}
