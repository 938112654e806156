package io.dmskit.mappings;

/**
 * One problem found in a table-mapping document.
 *
 * <p>Example: {@code ERROR rule 3 (add-schema-prefix) at $.rules[2].value: rename needs a "value" ...}.
 *
 * @param severity ERROR when DMS would reject the document, WARNING otherwise
 * @param ruleId the {@code rule-id} of the offending rule as written, or {@code null} for document-level problems
 * @param ruleName the {@code rule-name} of the offending rule, or {@code null}
 * @param path a JSON path inside the document, for example {@code $.rules[2].object-locator.table-name}
 * @param message a sentence saying what is wrong and how to fix it
 * @param line 1-based line in the parsed text, or -1 when not applicable (built in Java, or unknown)
 * @param column 1-based column in the parsed text, or -1 when not applicable
 */
public record MappingProblem(Severity severity, String ruleId, String ruleName, String path, String message,
                             int line, int column) {

    /** {@return true when this is an {@link Severity#ERROR}} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** A one-line rendering: severity, rule, path, position and message. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.valueOf(severity));
        if (ruleId != null || ruleName != null) {
            sb.append(" rule ").append(ruleId == null ? "?" : ruleId);
            if (ruleName != null) {
                sb.append(" (").append(ruleName).append(')');
            }
        }
        if (path != null) {
            sb.append(" at ").append(path);
        }
        if (line > 0) {
            sb.append(" [line ").append(line).append(", column ").append(column).append(']');
        }
        return sb.append(": ").append(String.valueOf(message)).toString();
    }
}
