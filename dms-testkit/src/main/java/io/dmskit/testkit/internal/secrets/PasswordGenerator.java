package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidParameter;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordResponse;

/** GetRandomPassword: character classes, exclusions, one of each class on request, shuffled. */
final class PasswordGenerator {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Random random;

    PasswordGenerator(Random random) {
        this.random = random;
    }

    GetRandomPasswordResponse randomPassword(GetRandomPasswordRequest r) {
        long length = r.passwordLength() == null ? 32 : r.passwordLength();
        if (length < 1 || length > 4096) {
            throw validation("Member must have value between 1 and 4096 (PasswordLength)");
        }
        String exclude = r.excludeCharacters() == null ? "" : r.excludeCharacters();
        List<String> classes = new ArrayList<>();
        if (!Boolean.TRUE.equals(r.excludeLowercase())) {
            classes.add(without("abcdefghijklmnopqrstuvwxyz", exclude));
        }
        if (!Boolean.TRUE.equals(r.excludeUppercase())) {
            classes.add(without("ABCDEFGHIJKLMNOPQRSTUVWXYZ", exclude));
        }
        if (!Boolean.TRUE.equals(r.excludeNumbers())) {
            classes.add(without("0123456789", exclude));
        }
        if (!Boolean.TRUE.equals(r.excludePunctuation())) {
            classes.add(without(PUNCTUATION, exclude));
        }
        if (Boolean.TRUE.equals(r.includeSpace())) {
            classes.add(without(" ", exclude));
        }
        classes.removeIf(String::isEmpty);
        boolean each = r.requireEachIncludedType() == null || r.requireEachIncludedType();
        if (classes.isEmpty() || (each && classes.size() > length)) {
            throw invalidParameter("The password can't be generated with the requested character types and"
                    + " length.");
        }
        String all = String.join("", classes);
        char[] out = new char[(int) length];
        int i = 0;
        if (each) {
            for (String c : classes) {
                out[i++] = c.charAt(random.nextInt(c.length()));
            }
        }
        for (; i < out.length; i++) {
            out[i] = all.charAt(random.nextInt(all.length()));
        }
        for (int k = out.length - 1; k > 0; k--) { // shuffle so the required characters are not at the front
            int j = random.nextInt(k + 1);
            char t = out[k];
            out[k] = out[j];
            out[j] = t;
        }
        return GetRandomPasswordResponse.builder().randomPassword(new String(out)).build();
    }

    private static String without(String chars, String exclude) {
        StringBuilder b = new StringBuilder();
        for (char c : chars.toCharArray()) {
            if (exclude.indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
