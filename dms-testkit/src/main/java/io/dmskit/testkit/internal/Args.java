package io.dmskit.testkit.internal;

/**
 * The one argument check of dms-testkit's factories and fakes' configuration methods (those without a builder default
 * to fall back to): a missing required argument fails at once with an {@link IllegalArgumentException} naming it.
 */
public final class Args {

    private Args() {
    }

    /**
     * @param value the argument
     * @param parameter where and what, for example {@code "FakeClock.advance: amount"}
     * @return value, when not null
     * @throws IllegalArgumentException when value is null
     */
    public static <T> T required(T value, String parameter) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " is required: got null");
        }
        return value;
    }
}
