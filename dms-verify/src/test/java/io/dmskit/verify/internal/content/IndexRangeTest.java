package io.dmskit.verify.internal.content;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("IndexRange: LIKE prefixes that every key of a binary range matches")
class IndexRangeTest {

    @Test
    @DisplayName("one LIKE per character between the bounds after their common prefix")
    void perCharacter() {
        assertThat(IndexRange.likePatterns("cust-00100001", "cust-00101001"))
                .containsExactly("cust-00100%", "cust-00101%");
        assertThat(IndexRange.likePatterns("Ab", "Ad")).containsExactly("Ab%", "Ac%", "Ad%");
    }

    @Test
    @DisplayName("the common prefix alone when the characters after it are far apart or one bound ends there")
    void prefixOnly() {
        assertThat(IndexRange.likePatterns("ka", "kz")).containsExactly("k%");
        assertThat(IndexRange.likePatterns("k", "kz")).containsExactly("k%");
        assertThat(IndexRange.likePatterns("same", "same")).containsExactly("same%");
    }

    @Test
    @DisplayName("no condition when the bounds share no prefix and are far apart")
    void none() {
        assertThat(IndexRange.likePatterns("A", "z")).isEmpty();
        assertThat(IndexRange.likePatterns("", "b")).isEmpty();
    }

    @Test
    @DisplayName("LIKE's wildcards and the escape character in keys are escaped; surrogate pairs are never cut")
    void escapes() {
        assertThat(IndexRange.likePatterns("a%_!1", "a%_!2")).containsExactly("a!%!_!!1%", "a!%!_!!2%");
        String grin = "\uD83D\uDE00";
        String cry = "\uD83D\uDE22";
        assertThat(IndexRange.likePatterns("x" + grin, "x" + cry)).containsExactly("x%");
        assertThat(IndexRange.likePatterns("x" + grin + "a", "x" + grin + "b"))
                .containsExactly("x" + grin + "a%", "x" + grin + "b%");
    }
}
