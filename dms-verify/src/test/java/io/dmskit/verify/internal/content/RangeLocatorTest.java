package io.dmskit.verify.internal.content;

import io.dmskit.verify.internal.content.ContentShape.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Types;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("RangeLocator agrees with KeyRange.indexOf for every key")
class RangeLocatorTest {

    private static ContentShape shape(Kind kind) {
        return new ContentShape("s", "t", List.of(new ContentShape.Column("k", true, kind, Types.OTHER, "x", 0, 0,
                false)), true);
    }

    @Test
    @DisplayName("integer, decimal and text keys, bounds included, NULL and non-numbers")
    void agreesWithIndexOf() {
        List<KeyRange> ints = KeyRange.split(List.of(List.of("-5"), List.of("0"), List.of("10"), List.of("1000")));
        List<KeyRange> decs = KeyRange.split(List.of(List.of("-0.5"), List.of("2.25"), List.of("99999999999999999999")));
        List<KeyRange> texts = KeyRange.split(List.of(List.of("b"), List.of("m")));
        String[] keys = {"-6", "-5", "-4", "0", "9", "10", "11", "999", "1000", "5000", "-0.6", "-0.5", "2.24",
            "2.25", "100000000000000000000", "abc", "b", "z", null};
        for (String k : keys) {
            check(ints, shape(Kind.INTEGER), k);
            check(decs, shape(Kind.DECIMAL), k);
            check(texts, shape(Kind.TEXT), k);
        }
    }

    private static void check(List<KeyRange> ranges, ContentShape shape, String key) {
        String[] fields = {key};
        assertThat(new RangeLocator(ranges, shape).rangeOf(fields)).as("key %s", key)
                .isEqualTo(KeyRange.indexOf(ranges, java.util.Arrays.asList(fields), shape.keyOrder()));
    }
}
