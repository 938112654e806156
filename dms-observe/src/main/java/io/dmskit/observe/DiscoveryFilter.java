package io.dmskit.observe;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which DMS resources {@link DmsObserver#discover(DiscoveryFilter)} returns: identifiers matching at least one include
 * pattern (every identifier when none is given) and no exclude pattern (Java regular expressions matched against the
 * whole identifier), carrying every required tag, of the chosen kinds.
 *
 * <pre>{@code
 * DiscoveryFilter filter = DiscoveryFilter.builder()
 *     .include("orders-.*").exclude(".*-scratch")
 *     .tag("team", "data-platform")
 *     .types(ResourceType.TASK)
 *     .build();
 * }</pre>
 *
 * <p>Tags are read only when a tag filter is set or {@link Builder#readTags()} asks for them, in batches of ARNs
 * ({@code ListTagsForResource} with {@code ResourceArnList}), so the number of calls grows with pages, not resources.
 */
public final class DiscoveryFilter {

    /** Default ARNs per {@code ListTagsForResource} call (AWS documents no upper bound for ResourceArnList). */
    public static final int DEFAULT_TAG_BATCH = 100;

    private final List<Pattern> includes;
    private final List<Pattern> excludes;
    private final Map<String, Optional<String>> tags;
    private final Set<ResourceType> types;
    private final boolean readTags;
    private final int tagBatchSize;

    private DiscoveryFilter(Builder b, List<Pattern> includes, List<Pattern> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.types = b.types.isEmpty() ? Set.copyOf(EnumSet.allOf(ResourceType.class)) : Set.copyOf(b.types);
        this.readTags = b.readTags || !b.tags.isEmpty();
        this.tagBatchSize = b.tagBatchSize;
    }

    /**
     * {@return a filter that finds every task, config, endpoint and instance, tags included}
     */
    public static DiscoveryFilter all() {
        return builder().readTags().build();
    }

    /**
     * {@return a new builder}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the filter}
     *
     * @param spec fills in a builder
     */
    public static DiscoveryFilter of(Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /**
     * {@return whether the identifier passes the include and exclude patterns}
     *
     * @param identifier an identifier
     */
    public boolean matchesName(String identifier) {
        if (identifier == null) {
            return false;
        }
        boolean in = includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(identifier).matches());
        return in && excludes.stream().noneMatch(p -> p.matcher(identifier).matches());
    }

    /**
     * {@return whether they hold every required tag (and value, where one is required)}
     *
     * @param resourceTags a resource's tags
     */
    public boolean matchesTags(Map<String, String> resourceTags) {
        for (Map.Entry<String, Optional<String>> t : tags.entrySet()) {
            String v = resourceTags.get(t.getKey());
            if (v == null || t.getValue().isPresent() && !t.getValue().get().equals(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the kinds of resource to find}
     */
    public Set<ResourceType> types() {
        return types;
    }

    /**
     * {@return whether tags are read (a tag filter is set, or they were asked for)}
     */
    public boolean readsTags() {
        return readTags;
    }

    /**
     * {@return ARNs per ListTagsForResource call}
     */
    public int tagBatchSize() {
        return tagBatchSize;
    }

    @Override
    public String toString() {
        return "DiscoveryFilter{include=" + includes + ", exclude=" + excludes + ", tags=" + tags + ", types="
            + types + "}";
    }

    /** Builds a {@link DiscoveryFilter}; {@link #build()} reports every bad pattern and tag at once. */
    public static final class Builder {
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private final Map<String, Optional<String>> tags = new LinkedHashMap<>();
        private final List<DefinitionProblem> problems = new ArrayList<>();
        private final Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
        private boolean readTags;
        private int tagBatchSize = DEFAULT_TAG_BATCH;

        private Builder() {
        }

        /**
         * Sets {@code include}: identifiers to include (whole-identifier Java regular expressions; any one may match).
         *
         * @param regexes identifiers to include (whole-identifier Java regular expressions; any one may match)
         * @return this builder
         */
        public Builder include(String... regexes) {
            add(includes, "include", regexes);
            return this;
        }

        /**
         * Sets {@code exclude}: identifiers to exclude (whole-identifier Java regular expressions).
         *
         * @param regexes identifiers to exclude (whole-identifier Java regular expressions)
         * @return this builder
         */
        public Builder exclude(String... regexes) {
            add(excludes, "exclude", regexes);
            return this;
        }

        /**
         * Sets {@code tag}: a tag key the resource must carry.
         *
         * @param key a tag key the resource must carry
         * @param value the value it must have
         * @return this builder
         */
        public Builder tag(String key, String value) {
            if (key == null || key.isEmpty() || value == null) {
                problems.add(new DefinitionProblem("DiscoveryFilter", "tag",
                    "tag key must be non-empty and value non-null, was " + key + "=" + value));
            } else {
                tags.put(key, Optional.of(value));
            }
            return this;
        }

        /**
         * Sets {@code tagKey}: a tag key the resource must carry, with any value.
         *
         * @param key a tag key the resource must carry, with any value
         * @return this builder
         */
        public Builder tagKey(String key) {
            if (key == null || key.isEmpty()) {
                problems.add(new DefinitionProblem("DiscoveryFilter", "tagKey", "tag key must be non-empty"));
            } else {
                tags.put(key, Optional.empty());
            }
            return this;
        }

        /**
         * Sets {@code types}: the kinds of resource to find (all four when never called).
         *
         * @param kinds the kinds of resource to find (all four when never called)
         * @return this builder
         */
        public Builder types(ResourceType... kinds) {
            if (kinds == null) {
                problems.add(new DefinitionProblem("DiscoveryFilter", "types", "is null"));
                return this;
            }
            for (ResourceType k : kinds) {
                if (k == null) {
                    problems.add(new DefinitionProblem("DiscoveryFilter", "types", "holds null"));
                } else {
                    types.add(k);
                }
            }
            return this;
        }

        /**
         * Reads every found resource's tags, even without a tag filter.
         *
         * @return this builder
         */
        public Builder readTags() {
            this.readTags = true;
            return this;
        }

        /**
         * Sets {@code tagBatchSize}: ARNs per ListTagsForResource call, 1..1000 (default {@value #DEFAULT_TAG_BATCH}).
         *
         * @param arns ARNs per ListTagsForResource call, 1..1000 (default {@value #DEFAULT_TAG_BATCH})
         * @return this builder
         */
        public Builder tagBatchSize(int arns) {
            if (arns < 1 || arns > 1000) {
                problems.add(new DefinitionProblem("DiscoveryFilter", "tagBatchSize", "must be 1..1000, was " + arns));
            } else {
                this.tagBatchSize = arns;
            }
            return this;
        }

        /**
         * {@return the filter}
         *
         * @throws InvalidDefinitionException naming every bad pattern, tag and setting
         */
        public DiscoveryFilter build() {
            List<DefinitionProblem> all = new ArrayList<>(problems);
            List<Pattern> in = compile(includes, "include", all);
            List<Pattern> ex = compile(excludes, "exclude", all);
            if (!all.isEmpty()) {
                throw new InvalidDefinitionException(all);
            }
            return new DiscoveryFilter(this, in, ex);
        }

        private void add(List<String> list, String field, String... regexes) {
            if (regexes == null) {
                problems.add(new DefinitionProblem("DiscoveryFilter", field, "is null"));
                return;
            }
            for (String r : regexes) {
                if (r == null) {
                    problems.add(new DefinitionProblem("DiscoveryFilter", field, "holds null"));
                } else {
                    list.add(r);
                }
            }
        }

        private static List<Pattern> compile(List<String> regexes, String field, List<DefinitionProblem> problems) {
            List<Pattern> out = new ArrayList<>();
            for (String r : regexes) {
                try {
                    out.add(Pattern.compile(r));
                } catch (PatternSyntaxException e) {
                    problems.add(new DefinitionProblem("DiscoveryFilter", field,
                        "'" + r + "' is not a valid regular expression: " + e.getDescription() + " at index "
                            + e.getIndex()));
                }
            }
            return out;
        }
    }
}
