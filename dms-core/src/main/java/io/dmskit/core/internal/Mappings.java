package io.dmskit.core.internal;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.mappings.InvalidTableMappingsException;
import io.dmskit.mappings.MappingDiff;
import io.dmskit.mappings.MappingProblem;
import io.dmskit.mappings.Severity;
import io.dmskit.mappings.TableMappings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one place dms-core talks to dms-mappings: parsing, validation, rendering, semantic comparison. */
public final class Mappings {

    private Mappings() {
    }

    /**
     * @param json a table-mapping document
     * @return the parsed mappings
     * @throws InvalidTableMappingsException when it is not valid
     */
    public static TableMappings parse(String json) {
        return TableMappings.fromJson(json);
    }

    /**
     * @param e the exception raised by {@link #parse(String)}
     * @param json the text that failed (not echoed)
     * @return the problems as definition problems
     */
    public static List<DefinitionProblem> problemsOf(RuntimeException e, String json) {
        List<DefinitionProblem> out = new ArrayList<>();
        if (e instanceof InvalidTableMappingsException im && !im.problems().isEmpty()) {
            for (MappingProblem p : im.problems()) {
                if (p.severity() == Severity.ERROR) {
                    out.add(toProblem(p));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(DefinitionProblem.of("TableMappings", "invalid table mappings: " + e.getMessage()));
        }
        return out;
    }

    /**
     * @param mappings table mappings
     * @return their errors (warnings are not problems)
     */
    public static List<DefinitionProblem> errors(TableMappings mappings) {
        List<DefinitionProblem> out = new ArrayList<>();
        for (MappingProblem p : mappings.validate()) {
            if (p.severity() == Severity.ERROR) {
                out.add(toProblem(p));
            }
        }
        return out;
    }

    private static DefinitionProblem toProblem(MappingProblem p) {
        String where = "TableMappings" + (p.path() == null || p.path().isEmpty() ? "" : " " + p.path());
        String rule = p.ruleId() == null && p.ruleName() == null ? "" : " (rule " + (p.ruleId() == null ? "" : p.ruleId())
            + (p.ruleName() == null ? "" : " '" + p.ruleName() + "'") + ")";
        String pos = p.line() >= 0 ? " at line " + p.line() + ", column " + p.column() : "";
        return DefinitionProblem.of(where, p.message() + rule + pos);
    }

    /**
     * @param mappings the mappings
     * @return compact JSON for DMS
     */
    public static String toJson(TableMappings mappings) {
        return mappings.toJson();
    }

    /**
     * @param mappings the mappings or null
     * @return the number of rules, 0 when null
     */
    public static int ruleCount(TableMappings mappings) {
        return mappings == null ? 0 : mappings.rules().size();
    }

    /**
     * Compares the mappings DMS reports with the desired ones rule by rule, aligned by meaning (see
     * {@link MappingDiff}).
     *
     * @param actualJson the mappings DMS reports (null or blank: none)
     * @param desired the desired mappings
     * @return the differences, empty when DMS's document cannot be read as table mappings
     */
    public static Optional<MappingDiff> diff(String actualJson, TableMappings desired) {
        try {
            TableMappings actual = actualJson == null || actualJson.isBlank()
                ? TableMappings.builder().buildUnvalidated() : TableMappings.fromJsonLenient(actualJson);
            return Optional.of(desired.diffFrom(actual));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param actualJson the mappings DMS reports (may be null)
     * @param desired the desired mappings
     * @param diff their differences
     * @return the one line a plan shows for them, e.g. {@code TableMappings: 5 rules -> 6 rules (1 added)}, with the
     *     rule lines under it (see {@link io.dmskit.core.provision.ResourceChange#mappingDiff()})
     */
    public static FieldDiff summary(String actualJson, TableMappings desired, MappingDiff diff) {
        int before;
        try {
            before = actualJson == null || actualJson.isBlank() ? 0 : TableMappings.fromJsonLenient(actualJson)
                .rules().size();
        } catch (RuntimeException e) {
            before = 0;
        }
        return FieldDiff.of("TableMappings", rules(before), rules(desired.rules().size()) + " (" + diff.summary()
            + ")");
    }

    private static String rules(int n) {
        return n + (n == 1 ? " rule" : " rules");
    }

    /**
     * @param desired the desired mappings
     * @param actualJson what DMS reports (may be null)
     * @return whether they mean the same (ignoring echoed nulls, key order, id types)
     */
    public static boolean sameMeaning(TableMappings desired, String actualJson) {
        if (actualJson == null || actualJson.isBlank()) {
            return false;
        }
        try {
            return TableMappings.sameMeaning(desired.toJson(), actualJson);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
