package io.dmskit.mappings.transformation;

/**
 * The {@code before-image-def} of an {@code add-before-image-columns} rule.
 *
 * @param columnPrefix {@code column-prefix} (DMS default {@code BI_}), or null
 * @param columnSuffix {@code column-suffix} (DMS default empty), or null
 * @param columnFilter {@code column-filter}: {@code pk-only} (default), {@code non-lob} or {@code all}; or null
 */
public record BeforeImageDef(String columnPrefix, String columnSuffix, String columnFilter) {

    /**
     * {@return a definition}
     *
     * @param prefix column prefix
     * @param suffix column suffix
     * @param filter pk-only, non-lob or all
     */
    public static BeforeImageDef of(String prefix, String suffix, String filter) {
        return new BeforeImageDef(prefix, suffix, filter);
    }

    /** {@return {@code BI_} prefix, empty suffix, primary-key columns only (the documented example)} */
    public static BeforeImageDef primaryKeyColumns() {
        return new BeforeImageDef("BI_", "", "pk-only");
    }
}
