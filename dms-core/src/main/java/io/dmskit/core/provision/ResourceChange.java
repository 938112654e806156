package io.dmskit.core.provision;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Validate;
import io.dmskit.mappings.MappingDiff;
import java.util.List;

/**
 * The planned change of one resource.
 *
 * @param kind the resource kind
 * @param identifier the resource identifier (a secret's name for secrets)
 * @param action what will be done
 * @param currentState the state DMS reports now ({@code (absent)} when it does not exist)
 * @param diffs field-level differences (current → desired) for MODIFY and REPLACE; secrets show {@code (sensitive)}
 * @param notes how the change is carried out, e.g. {@code running: stop → modify → resume (resume-processing)}
 * @param mappingDiff for a task whose table mappings change, the rule-by-rule difference (aligned by meaning, see
 *     {@link MappingDiff}); {@link #diffs()} then holds one {@code TableMappings} entry summarizing it.
 *     {@link MappingDiff#none()} otherwise
 */
public record ResourceChange(ResourceKind kind, String identifier, ChangeAction action, String currentState,
                             List<FieldDiff> diffs, List<String> notes, MappingDiff mappingDiff) {

    /**
     * Validates and copies the components.
     *
     * @throws InvalidDefinitionException when kind, identifier, action, diffs or notes is null, or diffs or notes
     *     holds a null
     */
    public ResourceChange {
        Validate.requireArgument(kind, "kind", "ResourceChange");
        Validate.requireArgument(identifier, "identifier", "ResourceChange");
        Validate.requireArgument(action, "action", "ResourceChange");
        Validate.requireElements(diffs, "diffs", "ResourceChange");
        Validate.requireElements(notes, "notes", "ResourceChange");
        currentState = currentState == null ? "(absent)" : currentState;
        diffs = List.copyOf(diffs);
        notes = List.copyOf(notes);
        mappingDiff = mappingDiff == null ? MappingDiff.none() : mappingDiff;
    }

    /**
     * A change without table-mapping rules.
     *
     * @param kind the resource kind
     * @param identifier the resource identifier
     * @param action what will be done
     * @param currentState the state DMS reports now
     * @param diffs field-level differences
     * @param notes how the change is carried out
     * @throws InvalidDefinitionException as the canonical constructor
     */
    public ResourceChange(ResourceKind kind, String identifier, ChangeAction action, String currentState,
                          List<FieldDiff> diffs, List<String> notes) {
        this(kind, identifier, action, currentState, diffs, notes, MappingDiff.none());
    }

    /** {@return whether applying changes something} */
    public boolean isChange() {
        return action != ChangeAction.NO_OP;
    }

    /** {@return e.g. {@code ~ replication task 'x'}} */
    @Override
    public String toString() {
        return action.symbol() + " " + kind + " '" + identifier + "'" + (diffs.isEmpty() ? "" : " " + diffs);
    }
}
