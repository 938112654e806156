package io.dmskit.verify.source;

import java.time.Duration;
import java.util.Optional;

/**
 * A source table's row count.
 *
 * @param rows the count
 * @param estimate whether it came from catalog statistics ({@link CountMode#ESTIMATE}) rather than COUNT(*)
 * @param filter the SQL predicate of the task's source filters that was applied, if any
 * @param elapsed how long the count took
 */
public record SourceCount(long rows, boolean estimate, Optional<String> filter, Duration elapsed) {
}
