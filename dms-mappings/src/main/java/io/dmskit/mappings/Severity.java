package io.dmskit.mappings;

/** How serious a {@link MappingProblem} is: DMS rejects {@link #ERROR}s; {@link #WARNING}s are accepted but suspicious. */
public enum Severity {
    /** DMS would reject the document (or the rule would not do what it says). */
    ERROR,
    /** DMS accepts the document, but the rule is probably not what was meant. */
    WARNING
}
