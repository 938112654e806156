package io.dmskit.mappings;

import io.dmskit.mappings.internal.Args;
import java.util.List;
import java.util.Objects;

/**
 * A source filter ({@code filters[]} of an include selection rule): rows of the table are replicated only when
 * the column satisfies one of the conditions. Several filters on one rule are ANDed.
 *
 * <pre>{@code
 * SourceFilter.on("empid", FilterCondition.lte("10"), FilterCondition.between("50", "75"))
 * }</pre>
 *
 * @param filterType {@code filter-type}, {@code "source"}
 * @param columnName {@code column-name}, case-sensitive
 * @param conditions {@code filter-conditions}, ORed
 */
public record SourceFilter(String filterType, String columnName, List<FilterCondition> conditions) {

    /** Creates a filter, copying the conditions. */
    public SourceFilter {
        conditions = Args.list(conditions, "SourceFilter: conditions");
    }

    /**
     * {@return a {@code "source"} filter}
     *
     * @param columnName the source column
     * @param conditions one or more conditions, ORed
     */
    public static SourceFilter on(String columnName, FilterCondition... conditions) {
        return new SourceFilter("source", Args.required(columnName, "SourceFilter: columnName"),
                Args.list("SourceFilter.on: conditions", conditions));
    }
}
