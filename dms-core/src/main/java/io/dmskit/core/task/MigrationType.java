package io.dmskit.core.task;

/** What a replication task does ({@code MigrationType}). */
public enum MigrationType {
    /** Copy the existing data once. */
    FULL_LOAD("full-load"),
    /** Replicate ongoing changes only. */
    CDC("cdc"),
    /** Copy the existing data, then replicate ongoing changes. */
    FULL_LOAD_AND_CDC("full-load-and-cdc");

    private final String wireValue;

    MigrationType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the DMS value} */
    public String wireValue() {
        return wireValue;
    }

    /** {@return whether the task captures changes} */
    public boolean hasCdc() {
        return this != FULL_LOAD;
    }

    /**
     * {@return the constant or null}
     *
     * @param value DMS value
     */
    public static MigrationType fromWire(String value) {
        for (MigrationType t : values()) {
            if (t.wireValue.equalsIgnoreCase(value)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
