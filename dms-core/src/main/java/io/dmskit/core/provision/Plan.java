package io.dmskit.core.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Validate;
import io.dmskit.mappings.Rule;
import io.dmskit.mappings.RuleChange;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The changes that bring DMS to a pipeline's desired state, in dependency order, with a rendering people read like
 * {@code terraform plan}. Secrets are always shown as {@code (sensitive)}.
 *
 * @param pipeline the pipeline's name
 * @param changes one entry per resource, in the order they are applied (no-ops included)
 */
public record Plan(String pipeline, List<ResourceChange> changes) {

    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    /**
     * Validates and copies the components.
     *
     * @throws InvalidDefinitionException when pipeline or changes is null, or changes holds a null
     */
    public Plan {
        Validate.requireArgument(pipeline, "pipeline", "Plan");
        Validate.requireElements(changes, "changes", "Plan");
        changes = List.copyOf(changes);
    }

    /** {@return whether applying would change anything} */
    public boolean hasChanges() {
        return changes.stream().anyMatch(ResourceChange::isChange);
    }

    /** {@return only the entries that change something} */
    public List<ResourceChange> effectiveChanges() {
        return changes.stream().filter(ResourceChange::isChange).toList();
    }

    /**
     * {@return the entry for that resource}
     *
     * @param kind a kind
     * @param identifier an identifier
     */
    public java.util.Optional<ResourceChange> change(ResourceKind kind, String identifier) {
        return changes.stream().filter(c -> c.kind() == kind && c.identifier().equals(identifier)).findFirst();
    }

    /** {@return how many resources each action touches} */
    public Map<ChangeAction, Long> summary() {
        return changes.stream().collect(Collectors.groupingBy(ResourceChange::action, TreeMap::new,
            Collectors.counting()));
    }

    /**
     * {@return a readable rendering: one block per changed resource, a comment line for an unchanged resource with a
     * note (such as a managed secret a destroy keeps), and a summary line}
     */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("dmskit plan for pipeline '").append(pipeline).append("'\n");
        if (!hasChanges()) {
            s.append("\nNo changes. DMS matches the pipeline (").append(changes.size()).append(" resources).\n");
            return s.toString();
        }
        s.append('\n');
        for (ResourceChange c : changes) {
            if (!c.isChange()) {
                // an unchanged resource is worth a line only when something is said about it (a kept secret)
                for (String n : c.notes()) {
                    s.append("    # ").append(c.kind()).append(" \"").append(c.identifier()).append("\" unchanged: ")
                        .append(n).append('\n');
                }
                continue;
            }
            s.append("  ").append(c.action().symbol()).append(' ').append(c.kind()).append(" \"")
                .append(c.identifier()).append("\"");
            s.append(switch (c.action()) {
                case CREATE -> " will be created";
                case MODIFY -> " will be updated in place (now " + c.currentState() + ")";
                case REPLACE -> " must be replaced (now " + c.currentState() + ")";
                case RESTART -> (c.diffs().stream().allMatch(d -> d.field().startsWith("Tags."))
                    ? " will be restarted" : " will be stopped, updated and started again") + " (now "
                    + c.currentState() + ")";
                case DELETE -> " will be deleted (now " + c.currentState() + ")";
                case NO_OP -> "";
            }).append('\n');
            for (FieldDiff d : c.diffs()) {
                s.append("      ~ ").append(d.field()).append(": ").append(d.before()).append(" -> ").append(d.after())
                    .append('\n');
                if (d.field().equals("TableMappings")) {
                    for (String line : c.mappingDiff().lines()) {
                        s.append("          ").append(line).append('\n');
                    }
                }
            }
            for (String n : c.notes()) {
                s.append("      # ").append(n).append('\n');
            }
        }
        Map<ChangeAction, Long> sum = summary();
        s.append("\nPlan: ").append(sum.getOrDefault(ChangeAction.CREATE, 0L)).append(" to create, ")
            .append(sum.getOrDefault(ChangeAction.MODIFY, 0L)).append(" to update, ")
            .append(sum.getOrDefault(ChangeAction.REPLACE, 0L)).append(" to replace, ")
            .append(sum.getOrDefault(ChangeAction.RESTART, 0L)).append(" to restart, ")
            .append(sum.getOrDefault(ChangeAction.DELETE, 0L)).append(" to delete, ")
            .append(sum.getOrDefault(ChangeAction.NO_OP, 0L)).append(" unchanged.\n");
        return s.toString();
    }

    /**
     * {@return the plan as JSON for tools (CI gates, dashboards): pipeline, summary and every change with its diffs;
     * sensitive values appear as {@code (sensitive)}}
     */
    public String toJson() {
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("pipeline", pipeline);
        root.put("hasChanges", hasChanges());
        Map<String, Long> sum = new java.util.LinkedHashMap<>();
        summary().forEach((k, v) -> sum.put(k.name(), v));
        root.put("summary", sum);
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (ResourceChange c : changes) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("kind", c.kind().name());
            m.put("identifier", c.identifier());
            m.put("action", c.action().name());
            m.put("currentState", c.currentState());
            List<Map<String, Object>> diffs = new java.util.ArrayList<>();
            for (FieldDiff d : c.diffs()) {
                Map<String, Object> dm = new java.util.LinkedHashMap<>();
                dm.put("field", d.field());
                dm.put("before", d.before());
                dm.put("after", d.after());
                dm.put("sensitive", d.sensitive());
                diffs.add(dm);
            }
            m.put("diffs", diffs);
            if (!c.mappingDiff().isEmpty()) {
                List<Map<String, Object>> rules = new java.util.ArrayList<>();
                for (RuleChange r : c.mappingDiff().changes()) {
                    Map<String, Object> rm = new java.util.LinkedHashMap<>();
                    rm.put("kind", r.kind().name());
                    rm.put("ruleId", r.rule().ruleId());
                    rm.put("ruleName", r.rule().ruleName());
                    rm.put("before", r.before().map(Rule::toJson).orElse(null));
                    rm.put("after", r.after().map(Rule::toJson).orElse(null));
                    rm.put("fields", r.fields().stream().map(Object::toString).toList());
                    rm.put("line", r.toString());
                    rules.add(rm);
                }
                m.put("mappingChanges", rules);
            }
            m.put("notes", c.notes());
            list.add(m);
        }
        root.put("changes", list);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return {@link #render()}} */
    @Override
    public String toString() {
        return render();
    }
}
