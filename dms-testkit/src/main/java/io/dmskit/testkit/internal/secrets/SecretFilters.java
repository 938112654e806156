package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidParameter;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import software.amazon.awssdk.services.secretsmanager.model.Filter;

/** ListSecrets' and BatchGetSecretValue's filters (prefix words, negation) and ListSecrets' sort keys. */
final class SecretFilters {

    private SecretFilters() {
    }

    /** @return whether the secret passes every filter (a null list passes all) */
    static boolean matches(Secret s, List<Filter> filters) {
        if (filters == null) {
            return true;
        }
        for (Filter f : filters) {
            if (f.keyAsString() == null) {
                throw invalidParameter("A filter must have a Key.");
            }
            if (!f.hasValues() || f.values().isEmpty()) {
                throw invalidParameter("A filter must have at least one value.");
            }
            if (f.values().size() > 10) {
                throw validation("Member must have length less than or equal to 10 (Filters.Values)");
            }
            boolean any = false;
            for (String value : f.values()) {
                boolean negate = value.startsWith("!");
                String v = negate ? value.substring(1) : value;
                boolean hit = matches(s, f.keyAsString(), v);
                if (hit != negate) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Secret s, String key, String prefix) {
        switch (key) {
            case "name":
                return s.name.startsWith(prefix);
            case "description": // words of the value prefix words of the description, not case-sensitive
                return s.description != null && allWordsMatch(words(prefix), words(s.description));
            case "tag-key":
                return s.tags.keySet().stream().anyMatch(k -> k.startsWith(prefix));
            case "tag-value":
                return s.tags.values().stream().anyMatch(v -> v.startsWith(prefix));
            case "primary-region":
            case "owning-service":
                return false; // no replication, no managed secrets in the fake
            case "all": { // any word of the value prefixes a word of any attribute, not case-sensitive
                List<String> attributeWords = new ArrayList<>(words(s.name));
                if (s.description != null) {
                    attributeWords.addAll(words(s.description));
                }
                s.tags.forEach((k, v) -> {
                    attributeWords.addAll(words(k));
                    attributeWords.addAll(words(v));
                });
                for (String w : words(prefix)) {
                    if (attributeWords.stream().anyMatch(a -> a.startsWith(w))) {
                        return true;
                    }
                }
                return false;
            }
            default:
                throw validation("Value '" + key + "' at 'filters.key' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [description, name, tag-key, tag-value, primary-region,"
                        + " owning-service, all]");
        }
    }

    private static boolean allWordsMatch(List<String> wanted, List<String> have) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (String w : wanted) {
            if (have.stream().noneMatch(h -> h.startsWith(w))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits text into lower-case words the way Secrets Manager's search does: at anything that is not a letter or
     * digit, and where lower case turns to upper case or letters turn to digits ({@code credsDatabase#892} gives
     * creds, database, 892).
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char prev = 0;
        for (char c : text.toCharArray()) {
            boolean boundary = !Character.isLetterOrDigit(c)
                    || (w.length() > 0 && ((Character.isLowerCase(prev) && Character.isUpperCase(c))
                    || (Character.isLetter(prev) != Character.isLetter(c))));
            if (boundary && w.length() > 0) {
                out.add(w.toString().toLowerCase(Locale.ROOT));
                w.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            }
            prev = c;
        }
        if (w.length() > 0) {
            out.add(w.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** @return ListSecrets' ascending order for a SortBy value (null: created-date), creation order breaking ties */
    static Comparator<Secret> comparator(String sortBy) {
        Function<Secret, Instant> key;
        if (sortBy == null || sortBy.equals("created-date")) {
            key = s -> s.createdDate;
        } else if (sortBy.equals("last-accessed-date")) {
            key = s -> s.lastAccessedDate == null ? Instant.EPOCH : s.lastAccessedDate;
        } else if (sortBy.equals("last-changed-date")) {
            key = s -> s.lastChangedDate;
        } else if (sortBy.equals("name")) {
            return Comparator.comparing(s -> s.name);
        } else {
            throw validation("Value '" + sortBy + "' at 'sortBy' failed to satisfy constraint: Member must satisfy"
                    + " enum value set: [created-date, last-accessed-date, last-changed-date, name]");
        }
        return Comparator.comparing(key).thenComparingLong(s -> s.sequence);
    }
}
