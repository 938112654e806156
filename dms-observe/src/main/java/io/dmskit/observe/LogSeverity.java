package io.dmskit.observe;

import java.util.Optional;

/**
 * The severity letter after a DMS log line's component ({@code [SOURCE_CAPTURE  ]W:}), ordered from the most to the
 * least severe, matching the task logging settings' levels ({@code LOGGER_SEVERITY_ERROR} ...
 * {@code LOGGER_SEVERITY_DETAILED_DEBUG}, https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.Logging.html).
 */
public enum LogSeverity {
    /** {@code E}: an error. */
    ERROR('E'),
    /** {@code W}: a warning. */
    WARNING('W'),
    /** {@code I}: information (the default level). */
    INFO('I'),
    /** {@code D}: debug. */
    DEBUG('D'),
    /** {@code T}: detailed debug (trace). */
    DETAILED_DEBUG('T');

    private final char letter;

    LogSeverity(char letter) {
        this.letter = letter;
    }

    /**
     * {@return the letter DMS writes}
     */
    public char letter() {
        return letter;
    }

    /**
     * {@return the severity}
     *
     * @param letter a letter from a log line
     */
    public static Optional<LogSeverity> ofLetter(char letter) {
        for (LogSeverity s : values()) {
            if (s.letter == letter) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * {@return whether this is at least as severe as the threshold ({@code WARNING.atLeast(INFO)} is true)}
     *
     * @param threshold a level
     */
    public boolean atLeast(LogSeverity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
