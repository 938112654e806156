package io.dmskit.mappings;

import io.dmskit.mappings.internal.Args;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code filter-conditions} entry of a source filter. Create with the static factories:
 * {@code FilterCondition.lte("10")}, {@code FilterCondition.between("50", "75")}, {@code FilterCondition.notNull()}.
 * The factories are named after DMS's operators; jOOQ's names {@code ne}, {@code le}, {@code ge} and
 * {@code isNotNull} are aliases that write the same operator. DMS has no strict {@code lt}/{@code gt}.
 *
 * @param operator the {@code filter-operator} as written (for example {@code "lte"}, or legacy {@code "ste"})
 * @param value {@code value} (single-value operators), or null
 * @param startValue {@code start-value} (between / notbetween), or null
 * @param endValue {@code end-value} (between / notbetween), or null
 */
public record FilterCondition(String operator, String value, String startValue, String endValue) {

    /** {@return the operator as an enum, empty when DMS does not know it} */
    public Optional<FilterOperator> filterOperator() {
        return FilterOperator.fromWire(operator);
    }

    /**
     * {@return a single-value condition}
     *
     * @param op operator
     * @param value value
     */
    public static FilterCondition of(FilterOperator op, String value) {
        return new FilterCondition(Args.required(op, "FilterCondition.of: op").wireValue(),
                Args.required(value, "FilterCondition: value"), null, null);
    }

    /**
     * {@return {@code column <= value}}
     *
     * @param value upper bound
     */
    public static FilterCondition lte(String value) {
        return of(FilterOperator.LTE, value);
    }

    /**
     * {@return {@code column >= value}}
     *
     * @param value lower bound
     */
    public static FilterCondition gte(String value) {
        return of(FilterOperator.GTE, value);
    }

    /**
     * {@return {@code column = value}}
     *
     * @param value value
     */
    public static FilterCondition eq(String value) {
        return of(FilterOperator.EQ, value);
    }

    /**
     * {@return {@code column <> value} (must be alone in its filter)}
     *
     * @param value value
     */
    public static FilterCondition noteq(String value) {
        return of(FilterOperator.NOTEQ, value);
    }

    /**
     * Alias of {@link #noteq(String)} under jOOQ's name ({@code Field.ne}), for users who guess it; writes the DMS
     * operator {@code noteq}.
     *
     * <pre>{@code
     * include("hr", "employees").where("status", FilterCondition.ne("deleted"))
     * }</pre>
     *
     * @param value value
     * @return {@code column <> value} (must be alone in its filter)
     */
    public static FilterCondition ne(String value) {
        return noteq(value);
    }

    /**
     * Alias of {@link #lte(String)} under jOOQ's name ({@code Field.le}); writes the DMS operator {@code lte}.
     *
     * @param value upper bound
     * @return {@code column <= value}
     */
    public static FilterCondition le(String value) {
        return lte(value);
    }

    /**
     * Alias of {@link #gte(String)} under jOOQ's name ({@code Field.ge}); writes the DMS operator {@code gte}.
     *
     * @param value lower bound
     * @return {@code column >= value}
     */
    public static FilterCondition ge(String value) {
        return gte(value);
    }

    /**
     * {@return {@code column BETWEEN start AND end}}
     *
     * @param start lower bound
     * @param end upper bound
     */
    public static FilterCondition between(String start, String end) {
        return new FilterCondition(FilterOperator.BETWEEN.wireValue(), null, Args.required(start, "FilterCondition: start"),
                Args.required(end, "FilterCondition: end"));
    }

    /**
     * {@return {@code NOT BETWEEN} (must be alone in its filter)}
     *
     * @param start lower bound
     * @param end upper bound
     */
    public static FilterCondition notBetween(String start, String end) {
        return new FilterCondition(FilterOperator.NOTBETWEEN.wireValue(), null,
                Args.required(start, "FilterCondition: start"), Args.required(end, "FilterCondition: end"));
    }

    /** {@return {@code column IS NULL}} */
    public static FilterCondition isNull() {
        return new FilterCondition(FilterOperator.NULL.wireValue(), null, null, null);
    }

    /** {@return {@code column IS NOT NULL} (must be alone in its filter)} */
    public static FilterCondition notNull() {
        return new FilterCondition(FilterOperator.NOTNULL.wireValue(), null, null, null);
    }

    /**
     * Alias of {@link #notNull()} that pairs with {@link #isNull()} (jOOQ's {@code Field.isNotNull}); writes the DMS
     * operator {@code notnull}.
     *
     * @return {@code column IS NOT NULL} (must be alone in its filter)
     */
    public static FilterCondition isNotNull() {
        return notNull();
    }
}
