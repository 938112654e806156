package io.dmskit.mappings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where containers and object fields started in the parsed text, keyed by node identity. Only containers
 * (objects, arrays) are tracked: scalar nodes may be shared singletons.
 */
public final class SourcePositions {
    /** No positions (documents built in Java). */
    public static final SourcePositions NONE = new SourcePositions();

    private final Map<JsonNode, int[]> containers = new IdentityHashMap<>();
    private final Map<JsonNode, Map<String, int[]>> fields = new IdentityHashMap<>();

    void container(JsonNode node, int line, int column) {
        containers.put(node, new int[] {line, column});
    }

    void field(JsonNode object, String name, int line, int column) {
        fields.computeIfAbsent(object, k -> new HashMap<>(8)).put(name, new int[] {line, column});
    }

    /**
     * @param node a container node of the parsed tree
     * @return {line, column} or {-1, -1}
     */
    public int[] of(JsonNode node) {
        int[] p = node == null ? null : containers.get(node);
        return p == null ? new int[] {-1, -1} : p;
    }

    /**
     * @param object an object node of the parsed tree
     * @param field a field name
     * @return the position of the field's name, else the object's position, else {-1, -1}
     */
    public int[] of(JsonNode object, String field) {
        Map<String, int[]> m = object == null ? null : fields.get(object);
        int[] p = m == null ? null : m.get(field);
        return p == null ? of(object) : p;
    }
}
