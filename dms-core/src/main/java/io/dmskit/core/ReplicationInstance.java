package io.dmskit.core;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.instance.NetworkType;
import io.dmskit.core.internal.Identifiers;
import io.dmskit.core.internal.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A DMS replication instance. Class, storage, multi-AZ, engine version, maintenance window, security groups and
 * network type can change in place; KMS key, public access, availability zone and subnet group cannot (a change
 * there means replacing the instance).
 *
 * <pre>{@code
 * ReplicationInstance instance = ReplicationInstance.builder("ecommerce-dms")
 *     .instanceClass("dms.c5.xlarge").allocatedStorage(200).multiAz(true)
 *     .subnetGroup("ecommerce-dms-subnets").vpcSecurityGroupIds("sg-0123").kmsKeyId(kmsKeyArn)
 *     .publiclyAccessible(false).build();
 * }</pre>
 */
public final class ReplicationInstance {

    private static final Pattern CLASS = Pattern.compile("dms\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-zA-Z]+");
    private static final Pattern AVAILABILITY_ZONE = Pattern.compile("[a-z]{2}(-[a-z0-9]+){2,5}");
    private static final Pattern ENGINE_VERSION = Pattern.compile("\\d{1,3}(\\.[0-9A-Za-z]{1,10}){1,4}");

    private final String identifier;
    private final String instanceClass;
    private final Integer allocatedStorage;
    private final Boolean multiAz;
    private final String engineVersion;
    private final Boolean autoMinorVersionUpgrade;
    private final String kmsKeyId;
    private final Boolean publiclyAccessible;
    private final Set<String> vpcSecurityGroupIds;
    private final String subnetGroup;
    private final String availabilityZone;
    private final String preferredMaintenanceWindow;
    private final NetworkType networkType;
    private final Map<String, String> tags;

    private ReplicationInstance(Builder b) {
        this.identifier = b.identifier;
        this.instanceClass = b.instanceClass;
        this.allocatedStorage = b.allocatedStorage;
        this.multiAz = b.multiAz;
        this.engineVersion = b.engineVersion;
        this.autoMinorVersionUpgrade = b.autoMinorVersionUpgrade;
        this.kmsKeyId = b.kmsKeyId;
        this.publiclyAccessible = b.publiclyAccessible;
        this.vpcSecurityGroupIds = b.vpcSecurityGroupIds == null ? null
            : Collections.unmodifiableSet(new LinkedHashSet<>(b.vpcSecurityGroupIds));
        this.subnetGroup = b.subnetGroup;
        this.availabilityZone = b.availabilityZone;
        this.preferredMaintenanceWindow = b.preferredMaintenanceWindow;
        this.networkType = b.networkType;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    }

    /**
     * {@return a builder}
     *
     * @param identifier instance identifier
     */
    public static Builder builder(String identifier) {
        return new Builder(identifier);
    }

    /**
     * {@return the instance}
     *
     * @param identifier instance identifier
     * @param spec fills in the builder
     * @throws InvalidDefinitionException listing every problem (also when spec is null)
     */
    public static ReplicationInstance of(String identifier, Consumer<Builder> spec) {
        Validate.requireSpec(spec, "ReplicationInstance");
        Builder b = builder(identifier);
        spec.accept(b);
        return b.build();
    }

    /** {@return a builder with this instance's fields} */
    public Builder toBuilder() {
        Builder b = new Builder(identifier);
        b.instanceClass = instanceClass;
        b.allocatedStorage = allocatedStorage;
        b.multiAz = multiAz;
        b.engineVersion = engineVersion;
        b.autoMinorVersionUpgrade = autoMinorVersionUpgrade;
        b.kmsKeyId = kmsKeyId;
        b.publiclyAccessible = publiclyAccessible;
        b.vpcSecurityGroupIds = vpcSecurityGroupIds == null ? null : new LinkedHashSet<>(vpcSecurityGroupIds);
        b.subnetGroup = subnetGroup;
        b.availabilityZone = availabilityZone;
        b.preferredMaintenanceWindow = preferredMaintenanceWindow;
        b.networkType = networkType;
        b.tags.putAll(tags);
        return b;
    }

    /** {@return the identifier} */
    public String identifier() {
        return identifier;
    }

    /** {@return the instance class, e.g. {@code dms.c5.xlarge}} */
    public String instanceClass() {
        return instanceClass;
    }

    /** {@return storage in GB} */
    public Optional<Integer> allocatedStorage() {
        return Optional.ofNullable(allocatedStorage);
    }

    /** {@return whether the instance is multi-AZ} */
    public Optional<Boolean> multiAz() {
        return Optional.ofNullable(multiAz);
    }

    /** {@return the DMS engine version} */
    public Optional<String> engineVersion() {
        return Optional.ofNullable(engineVersion);
    }

    /** {@return whether minor versions upgrade automatically} */
    public Optional<Boolean> autoMinorVersionUpgrade() {
        return Optional.ofNullable(autoMinorVersionUpgrade);
    }

    /** {@return the KMS key encrypting storage (fixed at creation)} */
    public Optional<String> kmsKeyId() {
        return Optional.ofNullable(kmsKeyId);
    }

    /** {@return whether the instance has a public IP (fixed at creation)} */
    public Optional<Boolean> publiclyAccessible() {
        return Optional.ofNullable(publiclyAccessible);
    }

    /** {@return VPC security group ids} */
    public Optional<Set<String>> vpcSecurityGroupIds() {
        return Optional.ofNullable(vpcSecurityGroupIds);
    }

    /** {@return the replication subnet group identifier (in the pipeline or existing)} */
    public Optional<String> subnetGroup() {
        return Optional.ofNullable(subnetGroup);
    }

    /** {@return the availability zone (fixed at creation)} */
    public Optional<String> availabilityZone() {
        return Optional.ofNullable(availabilityZone);
    }

    /** {@return the weekly maintenance window, e.g. {@code sun:06:00-sun:06:30}} */
    public Optional<String> preferredMaintenanceWindow() {
        return Optional.ofNullable(preferredMaintenanceWindow);
    }

    /** {@return IPV4 or DUAL} */
    public Optional<NetworkType> networkType() {
        return Optional.ofNullable(networkType);
    }

    /** {@return tags applied on creation} */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicationInstance r && identifier.equals(r.identifier)
            && Objects.equals(instanceClass, r.instanceClass) && Objects.equals(allocatedStorage, r.allocatedStorage)
            && Objects.equals(multiAz, r.multiAz) && Objects.equals(engineVersion, r.engineVersion)
            && Objects.equals(autoMinorVersionUpgrade, r.autoMinorVersionUpgrade) && Objects.equals(kmsKeyId, r.kmsKeyId)
            && Objects.equals(publiclyAccessible, r.publiclyAccessible)
            && Objects.equals(vpcSecurityGroupIds, r.vpcSecurityGroupIds) && Objects.equals(subnetGroup, r.subnetGroup)
            && Objects.equals(availabilityZone, r.availabilityZone)
            && Objects.equals(preferredMaintenanceWindow, r.preferredMaintenanceWindow)
            && networkType == r.networkType && tags.equals(r.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, instanceClass, allocatedStorage, multiAz, engineVersion, subnetGroup);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ReplicationInstance{").append(identifier).append(", ").append(instanceClass);
        add(s, "allocatedStorage", allocatedStorage);
        add(s, "multiAz", multiAz);
        add(s, "engineVersion", engineVersion);
        add(s, "autoMinorVersionUpgrade", autoMinorVersionUpgrade);
        add(s, "kmsKeyId", kmsKeyId);
        add(s, "publiclyAccessible", publiclyAccessible);
        add(s, "vpcSecurityGroupIds", vpcSecurityGroupIds);
        add(s, "subnetGroup", subnetGroup);
        add(s, "availabilityZone", availabilityZone);
        add(s, "preferredMaintenanceWindow", preferredMaintenanceWindow);
        add(s, "networkType", networkType);
        add(s, "tags", tags.isEmpty() ? null : tags);
        return s.append('}').toString();
    }

    private static void add(StringBuilder s, String n, Object v) {
        if (v != null) {
            s.append(", ").append(n).append('=').append(v);
        }
    }

    /** Fluent builder for {@link ReplicationInstance}. */
    public static final class Builder {
        private final String identifier;
        private String instanceClass;
        private Integer allocatedStorage;
        private Boolean multiAz;
        private String engineVersion;
        private Boolean autoMinorVersionUpgrade;
        private String kmsKeyId;
        private Boolean publiclyAccessible;
        private Set<String> vpcSecurityGroupIds;
        private String subnetGroup;
        private String availabilityZone;
        private String preferredMaintenanceWindow;
        private NetworkType networkType;
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder(String identifier) {
            this.identifier = identifier;
        }

        /**
         * Sets {@code instanceClass}: e.g. {@code dms.t3.medium}, {@code dms.c5.xlarge}.
         *
         * @param instanceClass e.g. {@code dms.t3.medium}, {@code dms.c5.xlarge}
         * @return this builder
         */
        public Builder instanceClass(String instanceClass) {
            this.instanceClass = instanceClass;
            return this;
        }

        /**
         * Sets {@code allocatedStorage}: storage in GB (5..6144).
         *
         * @param gigabytes storage in GB (5..6144)
         * @return this builder
         */
        public Builder allocatedStorage(Integer gigabytes) {
            this.allocatedStorage = gigabytes;
            return this;
        }

        /**
         * Sets {@code multiAz}: standby in a second availability zone.
         *
         * @param multiAz standby in a second availability zone
         * @return this builder
         */
        public Builder multiAz(Boolean multiAz) {
            this.multiAz = multiAz;
            return this;
        }

        /**
         * Sets {@code engineVersion}: DMS engine version, e.g. {@code 3.5.3}.
         *
         * @param engineVersion DMS engine version, e.g. {@code 3.5.3}
         * @return this builder
         */
        public Builder engineVersion(String engineVersion) {
            this.engineVersion = engineVersion;
            return this;
        }

        /**
         * Sets {@code autoMinorVersionUpgrade}: automatic minor version upgrades.
         *
         * @param upgrade automatic minor version upgrades
         * @return this builder
         */
        public Builder autoMinorVersionUpgrade(Boolean upgrade) {
            this.autoMinorVersionUpgrade = upgrade;
            return this;
        }

        /**
         * Sets {@code kmsKeyId}: KMS key for storage.
         *
         * @param kmsKeyId KMS key for storage
         * @return this builder
         */
        public Builder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        /**
         * Sets {@code publiclyAccessible}: public IP address.
         *
         * @param publiclyAccessible public IP address
         * @return this builder
         */
        public Builder publiclyAccessible(Boolean publiclyAccessible) {
            this.publiclyAccessible = publiclyAccessible;
            return this;
        }

        /**
         * Sets {@code vpcSecurityGroupIds}: VPC security group ids (replacing earlier ones); null unsets them (DMS uses
         * the VPC's default); null elements are reported by {@link #build()}.
         *
         * @param ids VPC security group ids (replacing earlier ones); null unsets them (DMS uses the VPC's default);
         *     null elements are reported by {@link #build()}
         * @return this builder
         */
        public Builder vpcSecurityGroupIds(String... ids) {
            return vpcSecurityGroupIds(Validate.copyOf(ids));
        }

        /**
         * Sets {@code vpcSecurityGroupIds}: VPC security group ids (replacing earlier ones); null unsets them; null
         * elements are reported by {@link #build()}.
         *
         * @param ids VPC security group ids (replacing earlier ones); null unsets them; null elements are reported by
         *     {@link #build()}
         * @return this builder
         */
        public Builder vpcSecurityGroupIds(java.util.Collection<String> ids) {
            this.vpcSecurityGroupIds = ids == null ? null : new LinkedHashSet<>(ids);
            return this;
        }

        /**
         * Sets {@code subnetGroup}: replication subnet group identifier.
         *
         * @param identifier replication subnet group identifier
         * @return this builder
         */
        public Builder subnetGroup(String identifier) {
            this.subnetGroup = identifier;
            return this;
        }

        /**
         * Sets {@code subnetGroup}: a subnet group of the same pipeline; null unsets.
         *
         * @param group a subnet group of the same pipeline; null unsets
         * @return this builder
         */
        public Builder subnetGroup(ReplicationSubnetGroup group) {
            this.subnetGroup = group == null ? null : group.identifier();
            return this;
        }

        /**
         * Sets {@code availabilityZone}: availability zone.
         *
         * @param zone availability zone
         * @return this builder
         */
        public Builder availabilityZone(String zone) {
            this.availabilityZone = zone;
            return this;
        }

        /**
         * Sets {@code preferredMaintenanceWindow}: e.g. {@code sun:06:00-sun:06:30} (UTC).
         *
         * @param window e.g. {@code sun:06:00-sun:06:30} (UTC)
         * @return this builder
         */
        public Builder preferredMaintenanceWindow(String window) {
            this.preferredMaintenanceWindow = window;
            return this;
        }

        /**
         * Sets {@code networkType}: IPV4 or DUAL.
         *
         * @param networkType IPV4 or DUAL
         * @return this builder
         */
        public Builder networkType(NetworkType networkType) {
            this.networkType = networkType;
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
         * Replaces every tag with these (set semantics: tags not in the map are removed, also from AWS on apply).
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
         * {@return the instance}
         *
         * @throws InvalidDefinitionException listing every problem
         */
        public ReplicationInstance build() {
            List<DefinitionProblem> problems = new ArrayList<>();
            Identifiers.check(problems, "ReplicationInstanceIdentifier", identifier, 63);
            if (instanceClass == null || instanceClass.isBlank()) {
                problems.add(DefinitionProblem.of("ReplicationInstanceClass", "is required, e.g. dms.t3.medium"));
            } else if (!CLASS.matcher(instanceClass).matches()) {
                problems.add(DefinitionProblem.of("ReplicationInstanceClass", Validate.show(instanceClass)
                    + " is not a DMS instance class (dms.<family>.<size>, e.g. dms.c5.xlarge)"));
            }
            if (allocatedStorage != null && (allocatedStorage < 5 || allocatedStorage > 6144)) {
                problems.add(DefinitionProblem.of("AllocatedStorage", "must be 5..6144 GB, was " + allocatedStorage));
            }
            if (Boolean.TRUE.equals(multiAz) && availabilityZone != null) {
                problems.add(DefinitionProblem.of("AvailabilityZone", "cannot be set on a multi-AZ instance"));
            }
            Validate.maintenanceWindow(problems, "PreferredMaintenanceWindow", preferredMaintenanceWindow);
            Validate.noNullElements(problems, "VpcSecurityGroupIds", vpcSecurityGroupIds);
            if (vpcSecurityGroupIds != null) {
                for (Object o : vpcSecurityGroupIds) {
                    if (o instanceof String sg && !SECURITY_GROUP.matcher(sg).matches()) {
                        problems.add(DefinitionProblem.of("VpcSecurityGroupIds", Validate.show(sg)
                            + " is not a security group id (sg-...)"));
                    }
                }
            }
            Validate.kmsKey(problems, "KmsKeyId", kmsKeyId);
            if (subnetGroup != null) {
                Identifiers.checkSubnetGroupReference(problems, "ReplicationSubnetGroupIdentifier", subnetGroup);
            }
            if (availabilityZone != null && !AVAILABILITY_ZONE.matcher(availabilityZone).matches()) {
                problems.add(DefinitionProblem.of("AvailabilityZone", Validate.show(availabilityZone)
                    + " is not an availability zone (e.g. us-east-1a)"));
            }
            if (engineVersion != null && !ENGINE_VERSION.matcher(engineVersion).matches()) {
                problems.add(DefinitionProblem.of("EngineVersion", Validate.show(engineVersion)
                    + " is not a DMS engine version (e.g. 3.5.3)"));
            }
            Validate.tags(problems, tags, Validate.PIPELINE_TAG);
            if (!problems.isEmpty()) {
                String name = "replication instance " + Validate.show(identifier);
                throw new InvalidDefinitionException(problems.stream().map(p -> p.in(name)).toList());
            }
            return new ReplicationInstance(this);
        }
    }
}
