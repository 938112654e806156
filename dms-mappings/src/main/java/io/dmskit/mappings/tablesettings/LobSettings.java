package io.dmskit.mappings.tablesettings;

/**
 * The {@code lob-settings} of a table-settings rule.
 *
 * @param mode {@code mode}: limited (default), unlimited, none; null when absent (= limited)
 * @param bulkMaxSize {@code bulk-max-size} in KB, or null
 */
public record LobSettings(String mode, Long bulkMaxSize) {

    /**
     * {@return limited LOB mode}
     *
     * @param bulkMaxSizeKb maximum LOB size in KB (non-zero)
     */
    public static LobSettings limited(long bulkMaxSizeKb) {
        return new LobSettings("limited", bulkMaxSizeKb);
    }

    /** {@return unlimited (full) LOB mode} */
    public static LobSettings unlimited() {
        return new LobSettings("unlimited", null);
    }

    /**
     * {@return unlimited LOB mode with a bulk size}
     *
     * @param bulkMaxSizeKb 0 for standard full-LOB mode, non-zero for combination mode
     */
    public static LobSettings unlimited(long bulkMaxSizeKb) {
        return new LobSettings("unlimited", bulkMaxSizeKb);
    }

    /** {@return mode none: use the task's LOB settings} */
    public static LobSettings none() {
        return new LobSettings("none", null);
    }
}
