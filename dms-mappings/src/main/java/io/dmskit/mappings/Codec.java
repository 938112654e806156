package io.dmskit.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.internal.JsonTree;
import io.dmskit.mappings.internal.Nodes;
import io.dmskit.mappings.objectmapping.AttributeMapping;
import io.dmskit.mappings.objectmapping.MappingParameters;
import io.dmskit.mappings.postprocessing.Tag;
import io.dmskit.mappings.tablesettings.LobSettings;
import io.dmskit.mappings.tablesettings.ParallelLoad;
import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the typed value records to and from JSON trees (leniently on the way in). The rule classes reach the JSON
 * helpers of {@code internal} through here only.
 */
final class Codec {
    static final List<String> RULE_KEY_ORDER = List.of("rule-type", "rule-id", "rule-name", "rule-target",
            "object-locator", "rule-action", "value", "old-value", "expression", "data-type", "primary-key-def",
            "before-image-def", "load-order", "filters", "parallel-load", "lob-settings", "tag-set",
            "target-table-name", "kafka-target-topic", "partition-key", "mapping-parameters");

    private Codec() {
    }

    /** {@return a new empty object node} */
    static ObjectNode object() {
        return Nodes.object();
    }

    /** {@return the scalar text of a field, or null when absent or a container} */
    static String text(JsonNode obj, String field) {
        return Nodes.text(obj, field);
    }

    /** {@return the int value of a number or digit string that fits an int, or null} */
    static Integer intValue(JsonNode obj, String field) {
        return Nodes.intValue(obj, field);
    }

    static ObjectNode locator(ObjectLocator l) {
        ObjectNode o = Nodes.object();
        Nodes.putIfNotNull(o, "schema-name", l.schemaName());
        Nodes.putIfNotNull(o, "table-name", l.tableName());
        Nodes.putIfNotNull(o, "table-tablespace-name", l.tableTablespaceName());
        Nodes.putIfNotNull(o, "index-tablespace-name", l.indexTablespaceName());
        Nodes.putIfNotNull(o, "column-name", l.columnName());
        Nodes.putIfNotNull(o, "data-type", l.dataType());
        Nodes.putIfNotNull(o, "table-type", l.tableType());
        return o;
    }

    static ObjectLocator locator(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        return new ObjectLocator(Nodes.text(o, "schema-name"), Nodes.text(o, "table-name"),
                Nodes.text(o, "table-type"), Nodes.text(o, "column-name"), Nodes.text(o, "data-type"),
                Nodes.text(o, "table-tablespace-name"), Nodes.text(o, "index-tablespace-name"));
    }

    static ObjectNode condition(FilterCondition c) {
        ObjectNode o = Nodes.object();
        Nodes.putIfNotNull(o, "filter-operator", c.operator());
        Nodes.putIfNotNull(o, "value", c.value());
        Nodes.putIfNotNull(o, "start-value", c.startValue());
        Nodes.putIfNotNull(o, "end-value", c.endValue());
        return o;
    }

    static ObjectNode filter(SourceFilter f) {
        ObjectNode o = Nodes.object();
        Nodes.putIfNotNull(o, "filter-type", f.filterType());
        Nodes.putIfNotNull(o, "column-name", f.columnName());
        ArrayNode a = o.putArray("filter-conditions");
        for (FilterCondition c : f.conditions()) {
            a.add(condition(c));
        }
        return o;
    }

    static List<SourceFilter> filters(JsonNode a) {
        if (a == null || !a.isArray()) {
            return List.of();
        }
        List<SourceFilter> out = new ArrayList<>(a.size());
        for (JsonNode f : a) {
            if (!f.isObject()) {
                continue;
            }
            List<FilterCondition> conds = new ArrayList<>();
            JsonNode cs = f.get("filter-conditions");
            if (cs != null && cs.isArray()) {
                for (JsonNode c : cs) {
                    if (c.isObject()) {
                        conds.add(new FilterCondition(Nodes.text(c, "filter-operator"), Nodes.text(c, "value"),
                                Nodes.text(c, "start-value"), Nodes.text(c, "end-value")));
                    }
                }
            }
            out.add(new SourceFilter(Nodes.text(f, "filter-type"), Nodes.text(f, "column-name"), conds));
        }
        return List.copyOf(out);
    }

    static ObjectNode dataType(DataType d) {
        ObjectNode o = Nodes.object();
        Nodes.putIfNotNull(o, "type", d.type());
        if (d.precision() != null) {
            o.set("precision", Nodes.number(d.precision()));
        }
        if (d.scale() != null) {
            Long asNumber = d.scale().matches("-?\\d{1,9}") ? Long.valueOf(d.scale()) : null;
            if (asNumber != null) {
                o.set("scale", Nodes.number(asNumber));
            } else {
                o.put("scale", d.scale());
            }
        }
        if (d.length() != null) {
            o.set("length", Nodes.number(d.length()));
        }
        return o;
    }

    static DataType dataType(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        return new DataType(Nodes.text(o, "type"), Nodes.intValue(o, "precision"), Nodes.text(o, "scale"),
                Nodes.intValue(o, "length"));
    }

    static ObjectNode primaryKeyDef(PrimaryKeyDef p) {
        ObjectNode o = Nodes.object();
        Nodes.putIfNotNull(o, "name", p.name());
        Nodes.putIfNotNull(o, "origin", p.origin());
        o.set("columns", Nodes.strings(p.columns()));
        return o;
    }

    static PrimaryKeyDef primaryKeyDef(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        return new PrimaryKeyDef(Nodes.text(o, "name"), Nodes.text(o, "origin"), Nodes.texts(o, "columns"));
    }

    static ObjectNode beforeImageDef(BeforeImageDef b) {
        ObjectNode o = Nodes.object();
        Nodes.putIfNotNull(o, "column-prefix", b.columnPrefix());
        Nodes.putIfNotNull(o, "column-suffix", b.columnSuffix());
        Nodes.putIfNotNull(o, "column-filter", b.columnFilter());
        return o;
    }

    static BeforeImageDef beforeImageDef(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        return new BeforeImageDef(Nodes.text(o, "column-prefix"), Nodes.text(o, "column-suffix"),
                Nodes.text(o, "column-filter"));
    }

    static ObjectNode parallelLoad(ParallelLoad p) {
        ObjectNode o = Nodes.object();
        Nodes.putIfNotNull(o, "type", p.type());
        if (!p.partitions().isEmpty()) {
            o.set("partitions", Nodes.strings(p.partitions()));
        }
        if (!p.subpartitions().isEmpty()) {
            o.set("subpartitions", Nodes.strings(p.subpartitions()));
        }
        if (!p.columns().isEmpty()) {
            o.set("columns", Nodes.strings(p.columns()));
        }
        if (!p.boundaries().isEmpty()) {
            ArrayNode b = o.putArray("boundaries");
            for (List<String> row : p.boundaries()) {
                b.add(Nodes.strings(row));
            }
        }
        if (!p.segmentNames().isEmpty()) {
            o.set("segment-names", Nodes.strings(p.segmentNames()));
        }
        if (p.numberOfPartitions() != null) {
            o.set("number-of-partitions", Nodes.number(p.numberOfPartitions()));
        }
        if (p.collectionCountFromMetadata() != null) {
            o.put("collection-count-from-metadata", p.collectionCountFromMetadata().toString());
        }
        if (p.maxRecordsSkipPerPage() != null) {
            o.set("max-records-skip-per-page", Nodes.number(p.maxRecordsSkipPerPage()));
        }
        if (p.batchSize() != null) {
            o.set("batch-size", Nodes.number(p.batchSize()));
        }
        return o;
    }

    static ParallelLoad parallelLoad(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        List<List<String>> boundaries = new ArrayList<>();
        JsonNode b = o.get("boundaries");
        if (b != null && b.isArray()) {
            for (JsonNode row : b) {
                List<String> vals = new ArrayList<>();
                if (row.isArray()) {
                    row.forEach(v -> {
                        String t = Nodes.text(v);
                        vals.add(t == null ? "" : t);
                    });
                }
                boundaries.add(vals);
            }
        }
        return new ParallelLoad(Nodes.text(o, "type"), Nodes.texts(o, "partitions"), Nodes.texts(o, "subpartitions"),
                Nodes.texts(o, "columns"), boundaries, Nodes.texts(o, "segment-names"),
                Nodes.intValue(o, "number-of-partitions"), Nodes.boolValue(o, "collection-count-from-metadata"),
                Nodes.longValue(o, "max-records-skip-per-page"), Nodes.longValue(o, "batch-size"));
    }

    static ObjectNode lobSettings(LobSettings l) {
        ObjectNode o = Nodes.object();
        Nodes.putIfNotNull(o, "mode", l.mode());
        if (l.bulkMaxSize() != null) {
            o.put("bulk-max-size", l.bulkMaxSize().toString());
        }
        return o;
    }

    static LobSettings lobSettings(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        return new LobSettings(Nodes.text(o, "mode"), Nodes.longValue(o, "bulk-max-size"));
    }

    static ArrayNode tags(List<Tag> tags) {
        ArrayNode a = JsonTree.NODES.arrayNode();
        for (Tag t : tags) {
            ObjectNode o = a.addObject();
            Nodes.putIfNotNull(o, "key", t.key());
            Nodes.putIfNotNull(o, "value", t.value());
        }
        return a;
    }

    static List<Tag> tags(JsonNode a) {
        if (a == null || !a.isArray()) {
            return List.of();
        }
        List<Tag> out = new ArrayList<>();
        for (JsonNode t : a) {
            if (t.isObject()) {
                out.add(new Tag(Nodes.text(t, "key"), Nodes.text(t, "value")));
            }
        }
        return List.copyOf(out);
    }

    static ObjectNode mappingParameters(MappingParameters m) {
        ObjectNode o = Nodes.object();
        Nodes.putIfNotNull(o, "partition-key-type", m.partitionKeyType());
        Nodes.putIfNotNull(o, "partition-key-name", m.partitionKeyName());
        Nodes.putIfNotNull(o, "sort-key-name", m.sortKeyName());
        if (m.partitionKeyValue() != null) {
            o.putObject("partition-key").put("value", m.partitionKeyValue());
        }
        if (!m.excludeColumns().isEmpty()) {
            o.set("exclude-columns", Nodes.strings(m.excludeColumns()));
        }
        if (!m.attributeMappings().isEmpty()) {
            ArrayNode a = o.putArray("attribute-mappings");
            for (AttributeMapping am : m.attributeMappings()) {
                ObjectNode e = a.addObject();
                Nodes.putIfNotNull(e, "target-attribute-name", am.targetAttributeName());
                Nodes.putIfNotNull(e, "attribute-type", am.attributeType());
                Nodes.putIfNotNull(e, "attribute-sub-type", am.attributeSubType());
                if (am.value() != null) {
                    e.set("value", am.valueIsJson() ? jsonValue(am.value()) : JsonTree.NODES.textNode(am.value()));
                }
            }
        }
        if (m.conditionExpressionJson() != null) {
            o.set("condition-expression", jsonValue(m.conditionExpressionJson()));
        }
        return o;
    }

    /**
     * @throws InvalidTableMappingsException when the text is not one JSON value (the module's typed error for every
     *     piece of outside text)
     */
    static JsonNode jsonValue(String json) {
        JsonTree.Parsed p = JsonTree.parse(json);
        if (!p.ok()) {
            String shown = json == null ? "null" : json.length() > 200 ? json.substring(0, 200) + "..." : json;
            throw new InvalidTableMappingsException(List.of(new MappingProblem(Severity.ERROR, null, null, "$",
                    "Not valid JSON (" + p.error() + "): " + shown, p.line(), p.column())));
        }
        return p.root();
    }

    static MappingParameters mappingParameters(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        List<AttributeMapping> ams = new ArrayList<>();
        JsonNode a = o.get("attribute-mappings");
        if (a != null && a.isArray()) {
            for (JsonNode e : a) {
                if (!e.isObject()) {
                    continue;
                }
                JsonNode v = e.get("value");
                boolean json = v != null && v.isContainerNode();
                String name = Nodes.text(e, "target-attribute-name");
                if (name == null) {
                    name = Nodes.text(e, "attribute-name");
                }
                ams.add(new AttributeMapping(name, Nodes.text(e, "attribute-type"), Nodes.text(e, "attribute-sub-type"),
                        json ? JsonTree.write(v) : Nodes.text(v), json));
            }
        }
        JsonNode ce = o.get("condition-expression");
        JsonNode pk = o.get("partition-key");
        return new MappingParameters(Nodes.text(o, "partition-key-type"), Nodes.text(o, "partition-key-name"),
                Nodes.text(o, "sort-key-name"), pk == null ? null : Nodes.text(pk, "value"),
                Nodes.texts(o, "exclude-columns"), ams, ce == null ? null : JsonTree.write(ce));
    }
}
