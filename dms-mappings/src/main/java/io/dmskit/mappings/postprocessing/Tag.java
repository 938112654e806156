package io.dmskit.mappings.postprocessing;

/**
 * One S3 object tag of a post-processing {@code add-tag} rule. {@code ${schema-name}} and {@code ${table-name}}
 * placeholders are allowed in both key and value.
 *
 * @param key tag key
 * @param value tag value
 */
public record Tag(String key, String value) {
    /**
     * {@return a tag}
     *
     * @param key tag key
     * @param value tag value
     */
    public static Tag of(String key, String value) {
        return new Tag(key, value);
    }
}
