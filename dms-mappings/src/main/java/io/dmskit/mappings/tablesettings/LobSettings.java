package io.dmskit.mappings.tablesettings;

/**
 * The {@code lob-settings} of a table-settings rule.
 *
 * @param mode {@code mode}: limited (default), unlimited, none; null when absent (= limited)
 * @param bulkMaxSize {@code bulk-max-size} in KB, or null
 */
public record LobSettings(String mode, Long bulkMaxSize) {

    /**
     * @param bulkMaxSizeKb maximum LOB size in KB (non-zero)
     * @return limited LOB mode
     */
    public static LobSettings limited(long bulkMaxSizeKb) {
        return new LobSettings("limited", bulkMaxSizeKb);
    }

    /** {@return unlimited (full) LOB mode} */
    public static LobSettings unlimited() {
        return new LobSettings("unlimited", null);
    }

    /** @param bulkMaxSizeKb 0 for standard full-LOB mode, non-zero for combination mode
     *  @return unlimited LOB mode with a bulk size */
    public static LobSettings unlimited(long bulkMaxSizeKb) {
        return new LobSettings("unlimited", bulkMaxSizeKb);
    }

    /** {@return mode none: use the task's LOB settings} */
    public static LobSettings none() {
        return new LobSettings("none", null);
    }
}
