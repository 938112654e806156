package io.dmskit.model.s3;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code DatePartitionSequence}: which date parts make up a date-partition folder, in which order. */
public enum DatePartitionSequence {
    /** year, month, day (the default). */
    YYYYMMDD,
    /** year, month, day, hour. */
    YYYYMMDDHH,
    /** year, month. */
    YYYYMM,
    /** month, year, day. */
    MMYYYYDD,
    /** day, month, year. */
    DDMMYYYY;

    /** {@return the parts of {@code t}, zero-padded, in this sequence's order} */
    public List<String> parts(ZonedDateTime t) {
        String y = String.format(Locale.ROOT, "%04d", t.getYear());
        String m = String.format(Locale.ROOT, "%02d", t.getMonthValue());
        String d = String.format(Locale.ROOT, "%02d", t.getDayOfMonth());
        String h = String.format(Locale.ROOT, "%02d", t.getHour());
        return switch (this) {
            case YYYYMMDD -> List.of(y, m, d);
            case YYYYMMDDHH -> List.of(y, m, d, h);
            case YYYYMM -> List.of(y, m);
            case MMYYYYDD -> List.of(m, y, d);
            case DDMMYYYY -> List.of(d, m, y);
        };
    }

    /**
     * {@return the sequence, or empty when the value is not one}
     *
     * @param wire the value as DMS echoes it (any case); null or blank means the default
     */
    public static Optional<DatePartitionSequence> fromWire(String wire) {
        if (wire == null || wire.isBlank()) {
            return Optional.of(YYYYMMDD);
        }
        for (DatePartitionSequence s : values()) {
            if (s.name().equalsIgnoreCase(wire.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
