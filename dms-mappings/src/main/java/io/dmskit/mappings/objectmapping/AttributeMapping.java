package io.dmskit.mappings.objectmapping;

/**
 * One {@code attribute-mappings} entry of an object-mapping rule.
 *
 * @param targetAttributeName {@code target-attribute-name}
 * @param attributeType {@code attribute-type}: scalar or document
 * @param attributeSubType {@code attribute-sub-type}: string, json, dynamodb-map, dynamodb-list; or null
 * @param value {@code value}: a template such as {@code "${lastname}, ${firstname}"}, or the JSON text of an
 *     object value when {@code valueIsJson}
 * @param valueIsJson whether {@code value} is JSON text to be embedded as an object (DynamoDB maps)
 */
public record AttributeMapping(String targetAttributeName, String attributeType, String attributeSubType,
                               String value, boolean valueIsJson) {

    /**
     * {@return a scalar string attribute}
     *
     * @param name attribute
     * @param template value template
     */
    public static AttributeMapping scalarString(String name, String template) {
        return new AttributeMapping(name, "scalar", "string", template, false);
    }

    /**
     * {@return a document attribute whose value is a JSON object}
     *
     * @param name attribute
     * @param subType json, dynamodb-map or dynamodb-list
     * @param jsonValue JSON object text
     */
    public static AttributeMapping document(String name, String subType, String jsonValue) {
        return new AttributeMapping(name, "document", subType, jsonValue, true);
    }
}
