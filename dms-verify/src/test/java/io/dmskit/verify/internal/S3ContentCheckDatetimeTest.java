package io.dmskit.verify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class S3ContentCheckDatetimeTest {

    private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().toFormatter();

    @Test
    @DisplayName("The hand parse of a DATETIME's text gives the LocalDateTime a formatter parse gives")
    void sameAsFormatter() {
        for (String s : new String[] {"2024-01-01 00:00:00", "2024-02-29 23:59:59.5", "0001-01-01 00:00:00.000001",
                "9999-12-31 23:59:59.999999", "1970-06-15 12:34:56.123", "2024-05-28 19:51:41.388146000"}) {
            assertThat(S3ContentCheck.parseDatetime(s)).as(s).isEqualTo(LocalDateTime.parse(s, TEXT));
        }
    }

    @Test
    @DisplayName("Text the hand parse does not know is left to the driver (null)")
    void othersLeftToTheDriver() {
        for (String s : new String[] {"0000-00-00 00:00:00", "2024-00-10 00:00:00", "2023-02-29 00:00:00",
                "2024-01-01 24:00:00", "2024-01-01 00:00:00.", "2024-01-01T00:00:00", "2024-01-01",
                "+12024-01-01 00:00:00",
                "2024-01-01 00:00:00.1234567890", "2024-01-01 00:0a:00", "-024-01-01 00:00:00"}) {
            assertThat(S3ContentCheck.parseDatetime(s)).as(s).isNull();
        }
    }
}
