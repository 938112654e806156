package io.dmskit.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DMS task log lines: an optional thread id, a UTC timestamp (optionally with microseconds after a colon), the
 * component padded to 16 characters in brackets, the severity letter, two spaces, the message and the source
 * location. The lines below are written for this test in that format.
 */
class LogEntryTest {

    @Test
    void parsesALineWithThreadIdAndSourceLocation() {
        LogEntry e = LogEntry.parse("00004711: 2026-03-01T10:15:30 [SOURCE_CAPTURE  ]I:  Binary log reader started "
            + "for table 'shop'.'orders'  (mysql_endpoint_capture.c:812)").orElseThrow();
        assertThat(e.threadId()).isEqualTo("00004711");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(e.component()).isEqualTo("SOURCE_CAPTURE");
        assertThat(e.severity()).isEqualTo(LogSeverity.INFO);
        assertThat(e.message()).isEqualTo("Binary log reader started for table 'shop'.'orders'");
        assertThat(e.sourceLocation()).contains("mysql_endpoint_capture.c:812");
    }

    @Test
    void parsesMicrosecondsWarningsErrorsAndLinesWithoutLocation() {
        LogEntry w = LogEntry.parse("2026-03-01T10:15:31:204518 [TARGET_APPLY    ]W:  Some changes for table "
            + "'shop'.'orders' were applied one by one  (bulk_apply.c:377)").orElseThrow();
        assertThat(w.timestamp()).isEqualTo(Instant.parse("2026-03-01T10:15:31.204518Z"));
        assertThat(w.severity()).isEqualTo(LogSeverity.WARNING);
        assertThat(w.threadId()).isEmpty();
        LogEntry err = LogEntry.parse("2026-03-01T10:16:00 [TASK_MANAGER    ]E:  Task error notification received "
            + "from subtask 0, thread 1").orElseThrow();
        assertThat(err.severity()).isEqualTo(LogSeverity.ERROR);
        assertThat(err.sourceLocation()).isEmpty();
        assertThat(err.message()).endsWith("thread 1");
        assertThat(LogEntry.parse("2026-03-01T10:16:01 [SORTER          ]T:  Transaction 12 committed  (sorter.c:9)")
            .orElseThrow().severity()).isEqualTo(LogSeverity.DETAILED_DEBUG);
        assertThat(LogEntry.parse("2026-03-01T10:16:01 [COMMON          ]D:  poll  (x.c:1)").orElseThrow().severity())
            .isEqualTo(LogSeverity.DEBUG);
    }

    @Test
    void linesInAnotherFormatAreNotEntries() {
        assertThat(LogEntry.parse("  continued stack line")).isEmpty();
        assertThat(LogEntry.parse("2026-03-01 10:15:30 INFO something")).isEmpty();
        assertThat(LogEntry.parse("2026-03-01T10:15:30 [TASK_MANAGER    ]X:  unknown letter")).isEmpty();
        assertThat(LogEntry.parse(null)).isEmpty();
    }

    @Test
    void filterKeepsComponentsSeveritiesAndText() {
        List<LogEntry> entries = List.of(
            entry("2026-03-01T10:00:00 [SOURCE_CAPTURE  ]I:  capture started  (a.c:1)"),
            entry("2026-03-01T10:00:01 [SOURCE_CAPTURE  ]W:  binlog position lost  (a.c:2)"),
            entry("2026-03-01T10:00:02 [TARGET_APPLY    ]E:  Failed to apply change  (b.c:3)"),
            entry("2026-03-01T10:00:03 [TASK_MANAGER    ]I:  Task 'x' running  (c.c:4)"));
        LogFilter warnings = LogFilter.all().atLeast(LogSeverity.WARNING);
        assertThat(entries.stream().filter(warnings::test).map(LogEntry::message))
            .containsExactly("binlog position lost", "Failed to apply change");
        LogFilter capture = LogFilter.all().components("source_capture");
        assertThat(entries.stream().filter(capture::test)).hasSize(2);
        assertThat(entries.stream().filter(LogFilter.all().containing("RUNNING")::test)).hasSize(1);
    }

    private static LogEntry entry(String line) {
        Optional<LogEntry> e = LogEntry.parse(line);
        assertThat(e).as(line).isPresent();
        return e.get();
    }
}
