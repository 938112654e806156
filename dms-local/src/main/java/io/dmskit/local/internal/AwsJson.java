package io.dmskit.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The AWS JSON 1.0/1.1 wire form of any AWS SDK v2 model object, read and written from the object's own field
 * descriptions ({@link SdkPojo#sdkFields()}): member names as on the wire, lists, maps, nested structures, blobs as
 * base64, enums as their strings and timestamps as epoch seconds with fractions (or the format a member's
 * {@link TimestampFormatTrait} names). No code per operation or per shape.
 */
final class AwsJson {

    /** The one mapper of the server (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            // 1700000000.123, never 1.700000000123E9: AWS writes timestamps as plain decimals
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AwsJson() {
    }

    /**
     * @param pojo a request or response (or any structure) of an SDK model
     * @return its JSON object, members that are not set left out
     */
    public static ObjectNode write(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            JsonNode node = toJson(field, value);
            if (node != null) {
                out.set(field.locationName(), node);
            }
        }
        return out;
    }

    /**
     * Builds an SDK model object from its JSON: members the model does not know are ignored, as AWS does.
     *
     * @param type the model class, e.g. {@code CreateEndpointRequest}
     * @param json its JSON object (null or missing: an empty object)
     * @param <T> the model type
     * @return the built object
     * @throws IllegalArgumentException when a member has the wrong JSON type, naming the member
     */
    public static <T extends SdkPojo> T read(Class<T> type, JsonNode json) {
        try {
            Object builder = type.getMethod("builder").invoke(null);
            return type.cast(build((SdkPojo) builder, json == null ? NODES.objectNode() : json, type.getSimpleName()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("not an SDK model class: " + type.getName(), e);
        }
    }

    private static Object build(SdkPojo builder, JsonNode json, String path) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("Expected an object at " + path + ", got " + json.getNodeType());
        }
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode node = json.get(field.locationName());
            if (node != null && !node.isNull()) {
                field.set(builder, fromJson(field, node, path + "." + field.locationName()));
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    // ------------------------------------------------------------------------------------------------- writing

    private static JsonNode toJson(SdkField<?> field, Object value) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return write((SdkPojo) value);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = NODES.arrayNode();
            for (Object element : (List<?>) value) {
                JsonNode n = toJson(member, element);
                array.add(n == null ? NODES.nullNode() : n);
            }
            return array;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                JsonNode n = toJson(member, e.getValue());
                object.set(String.valueOf(e.getKey()), n == null ? NODES.nullNode() : n);
            }
            return object;
        }
        if (type == MarshallingType.INSTANT) {
            return timestamp(field, (Instant) value);
        }
        if (type == MarshallingType.SDK_BYTES) {
            return NODES.textNode(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
        }
        if (type == MarshallingType.DOCUMENT) {
            return document((Document) value);
        }
        return scalar(value);
    }

    private static JsonNode scalar(Object value) {
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Short s) {
            return NODES.numberNode(s);
        }
        if (value instanceof Byte b) {
            return NODES.numberNode(b);
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        return NODES.textNode(String.valueOf(value));
    }

    private static JsonNode timestamp(SdkField<?> field, Instant t) {
        TimestampFormatTrait.Format format = field.getOptionalTrait(TimestampFormatTrait.class)
                .map(TimestampFormatTrait::format).orElse(TimestampFormatTrait.Format.UNIX_TIMESTAMP);
        switch (format) {
            case ISO_8601:
                return NODES.textNode(DateTimeFormatter.ISO_INSTANT.format(t));
            case RFC_822:
                return NODES.textNode(DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(java.time.ZoneOffset.UTC)));
            case UNIX_TIMESTAMP_MILLIS:
                return NODES.numberNode(t.toEpochMilli());
            default:
                // epoch seconds with the milliseconds as a fraction, as AWS answers (1700000000.123)
                return NODES.numberNode(BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).stripTrailingZeros());
        }
    }

    private static JsonNode document(Document d) {
        if (d.isNull()) {
            return NODES.nullNode();
        }
        if (d.isString()) {
            return NODES.textNode(d.asString());
        }
        if (d.isBoolean()) {
            return NODES.booleanNode(d.asBoolean());
        }
        if (d.isNumber()) {
            return NODES.numberNode(d.asNumber().bigDecimalValue());
        }
        if (d.isList()) {
            ArrayNode a = NODES.arrayNode();
            d.asList().forEach(e -> a.add(document(e)));
            return a;
        }
        ObjectNode o = NODES.objectNode();
        d.asMap().forEach((k, v) -> o.set(k, document(v)));
        return o;
    }

    // ------------------------------------------------------------------------------------------------- reading

    private static Object fromJson(SdkField<?> field, JsonNode node, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return build(field.constructor().get(), node, path);
        }
        if (type == MarshallingType.LIST) {
            expect(node.isArray(), path, "an array", node);
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (JsonNode element : node) {
                list.add(element.isNull() ? null : fromJson(member, element, path + "[" + i++ + "]"));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            expect(node.isObject(), path, "an object", node);
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), e.getValue().isNull() ? null
                        : fromJson(member, e.getValue(), path + "." + e.getKey()));
            }
            return map;
        }
        if (type == MarshallingType.STRING) {
            expect(node.isTextual(), path, "a string", node);
            return node.textValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            expect(node.isBoolean(), path, "a boolean", node);
            return node.booleanValue();
        }
        if (type == MarshallingType.INTEGER) {
            expect(node.canConvertToInt(), path, "an integer", node);
            return node.intValue();
        }
        if (type == MarshallingType.LONG) {
            expect(node.canConvertToLong(), path, "a long integer", node);
            return node.longValue();
        }
        if (type == MarshallingType.SHORT) {
            expect(node.canConvertToInt(), path, "an integer", node);
            return (short) node.intValue();
        }
        if (type == MarshallingType.BYTE) {
            expect(node.canConvertToInt(), path, "an integer", node);
            return (byte) node.intValue();
        }
        if (type == MarshallingType.DOUBLE) {
            expect(node.isNumber(), path, "a number", node);
            return node.doubleValue();
        }
        if (type == MarshallingType.FLOAT) {
            expect(node.isNumber(), path, "a number", node);
            return node.floatValue();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            expect(node.isNumber(), path, "a number", node);
            return node.decimalValue();
        }
        if (type == MarshallingType.INSTANT) {
            return instant(node, path);
        }
        if (type == MarshallingType.SDK_BYTES) {
            expect(node.isTextual(), path, "a base64 string", node);
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Expected base64 at " + path + ": " + e.getMessage());
            }
        }
        if (type == MarshallingType.DOCUMENT) {
            return toDocument(node);
        }
        throw new IllegalArgumentException("Unsupported member type " + type + " at " + path);
    }

    private static Instant instant(JsonNode node, String path) {
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        }
        if (node.isTextual()) {
            try {
                return Instant.parse(node.textValue());
            } catch (java.time.DateTimeException e) {
                try {
                    return Instant.ofEpochMilli(new BigDecimal(node.textValue()).movePointRight(3).longValue());
                } catch (NumberFormatException n) {
                    throw new IllegalArgumentException("Expected a timestamp at " + path + ", got '"
                            + node.textValue() + "'");
                }
            }
        }
        throw new IllegalArgumentException("Expected a timestamp at " + path + ", got " + node.getNodeType());
    }

    private static Document toDocument(JsonNode node) {
        if (node.isNull()) {
            return Document.fromNull();
        }
        if (node.isTextual()) {
            return Document.fromString(node.textValue());
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        if (node.isArray()) {
            List<Document> list = new ArrayList<>();
            node.forEach(e -> list.add(toDocument(e)));
            return Document.fromList(list);
        }
        Map<String, Document> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), toDocument(e.getValue())));
        return Document.fromMap(map);
    }

    private static void expect(boolean ok, String path, String what, JsonNode node) {
        if (!ok) {
            throw new IllegalArgumentException("Expected " + what + " at " + path + ", got " + node.getNodeType()
                    + " " + abbreviate(node.toString()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
