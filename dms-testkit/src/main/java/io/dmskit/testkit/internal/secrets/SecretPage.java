package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.SecretsErrors.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One page of a Secrets Manager listing, with the opaque next token (a Base64 offset).
 *
 * @param items the items on this page
 * @param nextToken the token of the next page, null on the last
 */
record SecretPage<T>(List<T> items, String nextToken) {

    /**
     * @param maxResults the request's MaxResults (1 to 100), null for the default
     * @param token the request's NextToken, null for the first page
     * @param defaultMax the operation's default page size
     * @return the page
     */
    static <T> SecretPage<T> of(List<T> items, Integer maxResults, String token, int defaultMax) {
        int max = maxResults == null ? defaultMax : maxResults;
        if (max < 1 || max > 100) {
            throw validation("Member must have value between 1 and 100 (MaxResults)");
        }
        int start = 0;
        if (token != null) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                        .replaceFirst("^offset:", ""));
            } catch (IllegalArgumentException e) {
                throw SecretsErrors.invalidNextToken(token);
            }
            if (start < 0 || start > items.size()) {
                throw SecretsErrors.invalidNextToken(token);
            }
        }
        int end = Math.min(items.size(), start + max);
        String next = end < items.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("offset:" + end).getBytes(StandardCharsets.UTF_8))
                : null;
        return new SecretPage<>(new ArrayList<>(items.subList(start, end)), next);
    }
}
