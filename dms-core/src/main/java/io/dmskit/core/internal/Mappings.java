package io.dmskit.core.internal;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.internal.json.JsonSemantics;
import io.dmskit.mappings.InvalidTableMappingsException;
import io.dmskit.mappings.MappingProblem;
import io.dmskit.mappings.Severity;
import io.dmskit.mappings.TableMappings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * Lists the rules that differ, by rule-id, each rendered as compact JSON; falls back to the whole documents when
     * the documents cannot be compared rule by rule.
     *
     * @param actualJson the mappings DMS reports (may be null)
     * @param desiredJson the desired mappings
     * @return one difference per added, removed or changed rule (field {@code TableMappings rule <id> '<name>'})
     */
    @SuppressWarnings("unchecked")
    public static List<io.dmskit.core.provision.FieldDiff> ruleDiffs(String actualJson, String desiredJson) {
        List<io.dmskit.core.provision.FieldDiff> out = new ArrayList<>();
        try {
            Map<String, Object> desired = JsonSemantics.parseObject(desiredJson);
            Map<String, Object> actual = actualJson == null || actualJson.isBlank() ? Map.of("rules", List.of())
                : JsonSemantics.parseObject(actualJson);
            Map<String, Map<String, Object>> d = byId((List<Object>) desired.get("rules"));
            Map<String, Map<String, Object>> a = byId((List<Object>) actual.get("rules"));
            for (Map.Entry<String, Map<String, Object>> e : d.entrySet()) {
                Map<String, Object> old = a.get(e.getKey());
                String now = JsonSemantics.write(e.getValue());
                if (old == null) {
                    out.add(io.dmskit.core.provision.FieldDiff.of(label(e.getKey(), e.getValue()), null, now));
                } else {
                    String before = JsonSemantics.write(old);
                    if (!sameRule(before, now)) {
                        out.add(io.dmskit.core.provision.FieldDiff.of(label(e.getKey(), e.getValue()), before, now));
                    }
                }
            }
            for (Map.Entry<String, Map<String, Object>> e : a.entrySet()) {
                if (!d.containsKey(e.getKey())) {
                    out.add(io.dmskit.core.provision.FieldDiff.of(label(e.getKey(), e.getValue()),
                        JsonSemantics.write(e.getValue()), "(removed)"));
                }
            }
        } catch (RuntimeException e) {
            out.clear();
        }
        if (out.isEmpty()) {
            out.add(io.dmskit.core.provision.FieldDiff.of("TableMappings", actualJson, desiredJson));
        }
        return out;
    }

    private static Map<String, Map<String, Object>> byId(List<Object> rules) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        if (rules == null) {
            return m;
        }
        for (Object o : rules) {
            if (!(o instanceof Map<?, ?> r) || r.get("rule-id") == null) {
                throw new IllegalArgumentException("rule without rule-id");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> rule = (Map<String, Object>) r;
            String id = String.valueOf(r.get("rule-id"));
            if (m.putIfAbsent(id, rule) != null) {
                throw new IllegalArgumentException("duplicate rule-id " + id);
            }
        }
        return m;
    }

    private static String label(String id, Map<String, Object> rule) {
        Object name = rule.get("rule-name");
        return "TableMappings rule " + id + (name == null ? "" : " '" + name + "'");
    }

    private static boolean sameRule(String a, String b) {
        try {
            return TableMappings.sameMeaning("{\"rules\":[" + a + "]}", "{\"rules\":[" + b + "]}");
        } catch (RuntimeException e) {
            return a.equals(b);
        }
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
