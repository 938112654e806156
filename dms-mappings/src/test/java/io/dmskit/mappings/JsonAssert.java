package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Compares JSON documents as trees (key order ignored, null-valued keys dropped). */
final class JsonAssert {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonAssert() {
    }

    static JsonNode tree(String json) {
        try {
            return stripNulls(MAPPER.readTree(json));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static JsonNode stripNulls(JsonNode n) {
        if (n.isObject()) {
            List<String> nulls = new ArrayList<>();
            n.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    stripNulls(e.getValue());
                }
            });
            ((ObjectNode) n).remove(nulls);
        } else if (n.isArray()) {
            n.forEach(JsonAssert::stripNulls);
        }
        return n;
    }

    static void assertSameJson(String actual, String expected) {
        assertThat(tree(actual)).as("actual JSON %s", actual).isEqualTo(tree(expected));
    }
}
