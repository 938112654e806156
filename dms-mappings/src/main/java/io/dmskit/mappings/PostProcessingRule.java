package io.dmskit.mappings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.postprocessing.Tag;
import java.util.List;

/**
 * A {@code post-processing} rule: S3 object tagging ({@code add-tag}) for S3 targets.
 *
 * <pre>{@code
 * Rules.addTag("%", "%").tag("dw-schema-name", "${schema-name}")
 * }</pre>
 */
public final class PostProcessingRule extends AbstractRule implements Rule {

    PostProcessingRule(ObjectNode node) {
        super(node);
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder(Codec.object());
    }

    /** {@return a builder initialised from this rule (unknown keys kept)} */
    public Builder toBuilder() {
        return new Builder(node.deepCopy());
    }

    /** {@return the {@code tag-set}} */
    public List<Tag> tagSet() {
        return Codec.tags(node.get("tag-set"));
    }

    @Override
    public PostProcessingRule withRuleId(String id) {
        return with("rule-id", id, PostProcessingRule::new);
    }

    @Override
    public PostProcessingRule withRuleName(String name) {
        return with("rule-name", name, PostProcessingRule::new);
    }

    /**
     * Builder of {@link PostProcessingRule}; the action defaults to {@code add-tag}. {@link Rules#addTag} hands it
     * out as an {@link AddTagStep}.
     */
    public static final class Builder extends BaseBuilder<Builder, PostProcessingRule> implements AddTagStep {
        Builder(ObjectNode node) {
            super(node);
            node.put("rule-type", RuleType.POST_PROCESSING.wireValue());
            if (!node.has("rule-action")) {
                node.put("rule-action", "add-tag");
            }
        }

        /**
         * Sets {@code locator}: schema pattern.
         *
         * @param schemaName schema pattern
         * @param tableName table pattern
         * @return this builder
         */
        public Builder locator(String schemaName, String tableName) {
            return locator(ObjectLocator.table(schemaName, tableName));
        }

        /**
         * Sets {@code action}: the {@code rule-action} (DMS documents only {@code add-tag}).
         *
         * @param action the {@code rule-action} (DMS documents only {@code add-tag})
         * @return this builder
         */
        public Builder action(String action) {
            set("rule-action", action);
            return this;
        }

        /**
         * Sets {@code tag}: tag key.
         *
         * @param key tag key
         * @param value tag value
         * @return this builder with the tag appended
         */
        @Override
        public Builder tag(String key, String value) {
            ArrayNode a = node.get("tag-set") instanceof ArrayNode t ? t.deepCopy() : Codec.object().arrayNode();
            a.add(Codec.tags(List.of(Tag.of(key, value))).get(0));
            node.set("tag-set", a);
            return this;
        }

        /**
         * Sets {@code tagSet}: replaces the {@code tag-set}.
         *
         * @param tags replaces the {@code tag-set}
         * @return this builder
         */
        public Builder tagSet(List<Tag> tags) {
            if (tags != null && tags.stream().anyMatch(java.util.Objects::isNull)) {
                return pending("PostProcessingRule.Builder.tagSet(tags): a tag is null; leave it out instead.");
            }
            set("tag-set", tags == null ? null : Codec.tags(tags));
            return this;
        }

        @Override
        public PostProcessingRule build() {
            return new PostProcessingRule(finish());
        }
    }
}
