package io.dmskit.core;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Identifiers;
import io.dmskit.core.internal.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A DMS replication subnet group: the VPC subnets (in at least two availability zones) a replication instance uses.
 *
 * <pre>{@code
 * ReplicationSubnetGroup group = ReplicationSubnetGroup.builder("ecommerce-dms-subnets")
 *     .description("private subnets for DMS").subnetIds("subnet-0a1", "subnet-0b2").build();
 * }</pre>
 */
public final class ReplicationSubnetGroup {

    private static final java.util.regex.Pattern SUBNET_ID = java.util.regex.Pattern.compile("subnet-[0-9a-zA-Z]+");

    private final String identifier;
    private final String description;
    private final Set<String> subnetIds;
    private final Map<String, String> tags;

    private ReplicationSubnetGroup(Builder b) {
        this.identifier = b.identifier;
        this.description = b.description;
        this.subnetIds = Collections.unmodifiableSet(new LinkedHashSet<>(b.subnetIds));
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    }

    /**
     * {@return a builder}
     *
     * @param identifier subnet group identifier
     */
    public static Builder builder(String identifier) {
        return new Builder(identifier);
    }

    /**
     * {@return the subnet group}
     *
     * @param identifier subnet group identifier
     * @param spec fills in the builder
     * @throws InvalidDefinitionException listing every problem (also when spec is null)
     */
    public static ReplicationSubnetGroup of(String identifier, Consumer<Builder> spec) {
        Validate.requireSpec(spec, "ReplicationSubnetGroup");
        Builder b = builder(identifier);
        spec.accept(b);
        return b.build();
    }

    /** {@return a builder with this group's fields} */
    public Builder toBuilder() {
        Builder b = new Builder(identifier);
        b.description = description;
        b.subnetIds.addAll(subnetIds);
        b.tags.putAll(tags);
        return b;
    }

    /** {@return the identifier} */
    public String identifier() {
        return identifier;
    }

    /** {@return the description (required by DMS)} */
    public String description() {
        return description;
    }

    /** {@return the subnet ids} */
    public Set<String> subnetIds() {
        return subnetIds;
    }

    /** {@return tags applied on creation (DMS reports no ARN for subnet groups, so they are not compared later)} */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicationSubnetGroup g && identifier.equals(g.identifier)
            && Objects.equals(description, g.description) && subnetIds.equals(g.subnetIds) && tags.equals(g.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, description, subnetIds);
    }

    @Override
    public String toString() {
        return "ReplicationSubnetGroup{" + identifier + ", description=" + description + ", subnetIds=" + subnetIds
            + (tags.isEmpty() ? "" : ", tags=" + tags) + "}";
    }

    /** Fluent builder for {@link ReplicationSubnetGroup}. */
    public static final class Builder {
        private final String identifier;
        private String description;
        private final Set<String> subnetIds = new LinkedHashSet<>();
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder(String identifier) {
            this.identifier = identifier;
        }

        /**
         * Sets {@code description}: what the group is for (required by DMS; null unsets).
         *
         * @param description what the group is for (required by DMS; null unsets)
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code subnetIds}: subnet ids (replacing earlier ones); null clears them; null elements are reported by
         * {@link #build()}.
         *
         * @param ids subnet ids (replacing earlier ones); null clears them; null elements are reported by
         *     {@link #build()}
         * @return this builder
         */
        public Builder subnetIds(String... ids) {
            return subnetIds(Validate.copyOf(ids));
        }

        /**
         * Sets {@code subnetIds}: subnet ids (replacing earlier ones); null clears them; null elements are reported by
         * {@link #build()}.
         *
         * @param ids subnet ids (replacing earlier ones); null clears them; null elements are reported by
         *     {@link #build()}
         * @return this builder
         */
        public Builder subnetIds(java.util.Collection<String> ids) {
            subnetIds.clear();
            if (ids != null) {
                subnetIds.addAll(ids);
            }
            return this;
        }

        /**
         * Adds a tag, or replaces the value of a tag with that key. Null keys or values, and keys and values AWS
         * refuses, are reported by {@link #build()}.
         *
         * @param key tag key
         * @param value tag value
         * @return this builder
         */
        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /**
         * Replaces every tag with these (set semantics: tags not in the map are removed).
         *
         * @param tags the tags; null removes every tag
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            if (tags != null) {
                this.tags.putAll(tags);
            }
            return this;
        }

        /**
         * Sets {@code removeTag}: the key of a tag to remove (nothing happens when there is none).
         *
         * @param key the key of a tag to remove (nothing happens when there is none)
         * @return this builder
         */
        public Builder removeTag(String key) {
            tags.remove(key);
            return this;
        }

        /** {@return this builder, without tags} */
        public Builder clearTags() {
            tags.clear();
            return this;
        }

        /** {@return the identifier this builder was started with (for the pipeline's reference checks)} */
        String identifier() {
            return identifier;
        }

        /**
         * {@return the subnet group}
         *
         * @throws InvalidDefinitionException listing every problem
         */
        public ReplicationSubnetGroup build() {
            List<DefinitionProblem> problems = new ArrayList<>();
            Identifiers.checkSubnetGroup(problems, "ReplicationSubnetGroupIdentifier", identifier);
            if (description == null || description.isBlank()) {
                problems.add(DefinitionProblem.of("ReplicationSubnetGroupDescription", "DMS requires a description"));
            } else {
                Validate.noControlCharacters(problems, "ReplicationSubnetGroupDescription", description);
            }
            if (subnetIds.isEmpty()) {
                problems.add(DefinitionProblem.of("SubnetIds", "at least one subnet (in two availability zones) is "
                    + "required"));
            }
            Validate.noNullElements(problems, "SubnetIds", subnetIds);
            for (Object o : subnetIds) {
                if (o instanceof String id && !SUBNET_ID.matcher(id).matches()) {
                    problems.add(DefinitionProblem.of("SubnetIds", Validate.show(id) + " is not a subnet id (subnet-...)"));
                }
            }
            Validate.tags(problems, tags, Validate.PIPELINE_TAG);
            if (!problems.isEmpty()) {
                String name = "subnet group " + Validate.show(identifier);
                throw new InvalidDefinitionException(problems.stream().map(p -> p.in(name)).toList());
            }
            return new ReplicationSubnetGroup(this);
        }
    }
}
