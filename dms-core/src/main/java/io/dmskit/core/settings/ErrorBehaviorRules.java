package io.dmskit.core.settings;

import io.dmskit.core.exception.DefinitionProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DMS's rules for {@link ErrorBehavior}: which {@link ErrorPolicy} values each policy accepts. Hand-written next to the
 * generated class ({@link ErrorBehavior#problems()} calls it). Each problem names DMS's own field.
 */
final class ErrorBehaviorRules {

    // EnumSets, so that a message lists the allowed values in declaration order
    private static final Set<ErrorPolicy> BASIC = allowed(ErrorPolicy.IGNORE_RECORD, ErrorPolicy.LOG_ERROR,
        ErrorPolicy.SUSPEND_TABLE, ErrorPolicy.STOP_TASK);
    private static final Set<ErrorPolicy> INSERT = allowed(ErrorPolicy.IGNORE_RECORD, ErrorPolicy.LOG_ERROR,
        ErrorPolicy.SUSPEND_TABLE, ErrorPolicy.STOP_TASK, ErrorPolicy.INSERT_RECORD);
    private static final Set<ErrorPolicy> UPDATE = allowed(ErrorPolicy.IGNORE_RECORD, ErrorPolicy.LOG_ERROR,
        ErrorPolicy.SUSPEND_TABLE, ErrorPolicy.STOP_TASK, ErrorPolicy.UPDATE_RECORD);
    private static final Set<ErrorPolicy> SUSPEND_OR_STOP = allowed(ErrorPolicy.SUSPEND_TABLE, ErrorPolicy.STOP_TASK);
    private static final Set<ErrorPolicy> IGNORE_OR_STOP = allowed(ErrorPolicy.IGNORE, ErrorPolicy.STOP_TASK);
    private static final Set<ErrorPolicy> STOP = allowed(ErrorPolicy.STOP_TASK);
    private static final Set<ErrorPolicy> LOG_SUSPEND_OR_STOP = allowed(ErrorPolicy.LOG_ERROR,
        ErrorPolicy.SUSPEND_TABLE, ErrorPolicy.STOP_TASK);

    private ErrorBehaviorRules() {
    }

    static List<DefinitionProblem> problems(ErrorBehavior s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        check(problems, "DataErrorPolicy", s.dataErrorPolicy(), BASIC);
        check(problems, "DataTruncationErrorPolicy", s.dataTruncationErrorPolicy(), BASIC);
        check(problems, "DataErrorEscalationPolicy", s.dataErrorEscalationPolicy(), SUSPEND_OR_STOP);
        check(problems, "EventErrorPolicy", s.eventErrorPolicy(), IGNORE_OR_STOP);
        check(problems, "TableErrorPolicy", s.tableErrorPolicy(), SUSPEND_OR_STOP);
        check(problems, "TableErrorEscalationPolicy", s.tableErrorEscalationPolicy(), STOP);
        check(problems, "ApplyErrorDeletePolicy", s.applyErrorDeletePolicy(), BASIC);
        check(problems, "ApplyErrorInsertPolicy", s.applyErrorInsertPolicy(), INSERT);
        check(problems, "ApplyErrorUpdatePolicy", s.applyErrorUpdatePolicy(), UPDATE);
        check(problems, "ApplyErrorEscalationPolicy", s.applyErrorEscalationPolicy(), LOG_SUSPEND_OR_STOP);
        return problems;
    }

    private static void check(List<DefinitionProblem> problems, String field, Optional<ErrorPolicy> value,
                              Set<ErrorPolicy> allowed) {
        value.filter(v -> !allowed.contains(v)).ifPresent(v -> problems.add(DefinitionProblem.of(
            "ErrorBehavior." + field, field + " does not accept " + v.wireValue() + "; allowed: " + allowed)));
    }

    private static Set<ErrorPolicy> allowed(ErrorPolicy first, ErrorPolicy... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }
}
