package io.dmskit.core.internal;

import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.task.StartType;
import io.dmskit.mappings.MappingDiff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What planning decided for one resource, and what apply needs to carry it out.
 *
 * @param action what apply does
 * @param state the state DMS reports now, null when the resource does not exist
 * @param diffs differences, current to desired
 * @param notes how the change is carried out
 * @param running whether the task runs now (tasks only): changing it means stopping it
 * @param settle whether apply waits for a resource DMS is still changing although nothing else is done
 * @param tagAdd tags to add or overwrite (AddTagsToResource)
 * @param tagRemove tag keys to remove (RemoveTagsFromResource)
 * @param tagsOnly whether the only differences are tags: no modify call, no restart
 * @param restartType how the task starts again after a stop (tasks only, null otherwise)
 * @param modifiesTask whether a {@link ChangeAction#RESTART} also modifies the task (stop, modify, start) rather than
 *     only restarting it after an endpoint change
 * @param mappingDiff the rule-by-rule difference of a task's table mappings ({@link MappingDiff#none()} otherwise)
 * @param losesCheckpoint whether carrying the change out loses a replication's checkpoint (a replication config
 *     replaced after its replication started)
 */
record Decision(ChangeAction action, String state, List<FieldDiff> diffs, List<String> notes, boolean running,
                boolean settle, Map<String, String> tagAdd, List<String> tagRemove, boolean tagsOnly,
                StartType restartType, boolean modifiesTask, MappingDiff mappingDiff, boolean losesCheckpoint) {

    /** Copies the collections (tag order kept). */
    Decision {
        diffs = List.copyOf(diffs);
        notes = List.copyOf(notes);
        tagAdd = Collections.unmodifiableMap(new LinkedHashMap<>(tagAdd));
        tagRemove = List.copyOf(tagRemove);
    }

    /** @return whether tags are added or removed */
    boolean changesTags() {
        return !tagAdd.isEmpty() || !tagRemove.isEmpty();
    }

    /**
     * @param kind resource kind
     * @param id identifier
     * @return the change as the plan shows it
     */
    ResourceChange change(ResourceKind kind, String id) {
        return new ResourceChange(kind, id, action, state, diffs, notes, mappingDiff);
    }

    /** A decision being made: planning fills it in, {@link #done()} freezes it. */
    static final class Draft {
        ChangeAction action = ChangeAction.NO_OP;
        String state;
        final List<FieldDiff> diffs = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean running;
        boolean settle;
        final Map<String, String> tagAdd = new LinkedHashMap<>();
        final List<String> tagRemove = new ArrayList<>();
        boolean tagsOnly;
        StartType restartType;
        boolean modifiesTask;
        MappingDiff mappingDiff = MappingDiff.none();
        boolean losesCheckpoint;

        /** @return the decision */
        Decision done() {
            return new Decision(action, state, diffs, notes, running, settle, tagAdd, tagRemove, tagsOnly,
                restartType, modifiesTask, mappingDiff, losesCheckpoint);
        }
    }
}
