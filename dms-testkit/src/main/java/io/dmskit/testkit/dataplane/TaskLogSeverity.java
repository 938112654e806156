package io.dmskit.testkit.dataplane;

/**
 * The severity of a DMS task log line, with the letter DMS writes after the component
 * ({@code [SOURCE_CAPTURE  ]I:}) and the {@code LogComponents} severity setting that first shows it.
 */
public enum TaskLogSeverity {
    /** {@code E}: shown from {@code LOGGER_SEVERITY_ERROR} on. */
    ERROR('E'),
    /** {@code W}: shown from {@code LOGGER_SEVERITY_WARNING} on. */
    WARNING('W'),
    /** {@code I}: shown from {@code LOGGER_SEVERITY_INFO} on (and by {@code LOGGER_SEVERITY_DEFAULT}). */
    INFO('I'),
    /** {@code D}: shown from {@code LOGGER_SEVERITY_DEBUG} on. */
    DEBUG('D'),
    /** {@code T}: shown by {@code LOGGER_SEVERITY_DETAILED_DEBUG} only. */
    TRACE('T');

    private final char letter;

    TaskLogSeverity(char letter) {
        this.letter = letter;
    }

    /**
     * {@return the letter DMS writes, e.g. {@code I}}
     */
    public char letter() {
        return letter;
    }
}
