package io.dmskit.mappings;

/**
 * A transformation on Oracle table or index tablespaces; DMS allows only {@code rename} on them. Returned by
 * {@link Rules#tableTablespace(String, String, String)} and {@link Rules#indexTablespace(String, String, String)}.
 *
 * <pre>{@code
 * tableTablespace("SCHEMA", "%", "TS1").rename("TS2")
 * }</pre>
 */
public interface TablespaceActionStep {

    /**
     * {@return the rule with action {@code rename}}
     *
     * @param newName the new tablespace name ({@code value})
     */
    TransformationStep rename(String newName);
}
