package io.dmskit.core.serverless;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Identifiers;
import io.dmskit.core.internal.Validate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The compute a DMS Serverless replication provisions when it starts ({@code ComputeConfig}): capacity in DMS
 * capacity units (DCU, 2 GB of memory each) between a minimum and a maximum, multi-AZ or one availability zone, the
 * subnet group and security groups of its network, the KMS key, custom DNS name servers and the maintenance window.
 * Only {@code MaxCapacityUnits} is required; what is left unset DMS chooses (and reports back), and plans never show
 * those choices as differences.
 *
 * <pre>{@code
 * ComputeConfig compute = ComputeConfig.builder().maxCapacityUnits(16).minCapacityUnits(2)
 *     .subnetGroup("ecommerce-subnets").vpcSecurityGroupIds("sg-0a1b2c").build();
 * }</pre>
 */
public final class ComputeConfig {

    /** The capacities DMS accepts for MinCapacityUnits and MaxCapacityUnits, in DCU. */
    public static final Set<Integer> CAPACITY_UNITS = Set.copyOf(new TreeSet<>(List.of(1, 2, 4, 8, 16, 32, 64, 128, 192,
        256, 384)));

    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-zA-Z]+");
    private static final Pattern AVAILABILITY_ZONE = Pattern.compile("[a-z]{2}(-[a-z0-9]+){2,5}");
    private static final Pattern IPV4 = Pattern.compile(
        "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final int MAX_NAME_SERVERS = 4;

    private final int maxCapacityUnits;
    private final Integer minCapacityUnits;
    private final Boolean multiAz;
    private final String subnetGroup;
    private final List<String> vpcSecurityGroupIds;
    private final String kmsKeyId;
    private final String availabilityZone;
    private final List<String> dnsNameServers;
    private final String preferredMaintenanceWindow;

    private ComputeConfig(Builder b) {
        this.maxCapacityUnits = b.maxCapacityUnits;
        this.minCapacityUnits = b.minCapacityUnits;
        this.multiAz = b.multiAz;
        this.subnetGroup = b.subnetGroup;
        this.vpcSecurityGroupIds = b.vpcSecurityGroupIds == null ? null : List.copyOf(b.vpcSecurityGroupIds);
        this.kmsKeyId = b.kmsKeyId;
        this.availabilityZone = b.availabilityZone;
        this.dnsNameServers = b.dnsNameServers == null ? null : List.copyOf(b.dnsNameServers);
        this.preferredMaintenanceWindow = b.preferredMaintenanceWindow;
    }

    /**
     * {@return a new builder; {@link Builder#maxCapacityUnits(int)} is required}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a builder holding this compute config}
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxCapacityUnits = maxCapacityUnits;
        b.minCapacityUnits = minCapacityUnits;
        b.multiAz = multiAz;
        b.subnetGroup = subnetGroup;
        b.vpcSecurityGroupIds = vpcSecurityGroupIds == null ? null : new ArrayList<>(vpcSecurityGroupIds);
        b.kmsKeyId = kmsKeyId;
        b.availabilityZone = availabilityZone;
        b.dnsNameServers = dnsNameServers == null ? null : new ArrayList<>(dnsNameServers);
        b.preferredMaintenanceWindow = preferredMaintenanceWindow;
        return b;
    }

    /**
     * {@return the most DCU DMS provisions ({@code MaxCapacityUnits})}
     */
    public int maxCapacityUnits() {
        return maxCapacityUnits;
    }

    /**
     * {@return the fewest DCU DMS scales down to ({@code MinCapacityUnits}); empty: DMS's choice}
     */
    public OptionalInt minCapacityUnits() {
        return minCapacityUnits == null ? OptionalInt.empty() : OptionalInt.of(minCapacityUnits);
    }

    /**
     * {@return whether the replication is a multi-AZ deployment; empty: DMS's default (single-AZ)}
     */
    public Optional<Boolean> multiAz() {
        return Optional.ofNullable(multiAz);
    }

    /**
     * {@return the replication subnet group's identifier ({@code ReplicationSubnetGroupId}); empty: DMS's default}
     */
    public Optional<String> subnetGroup() {
        return Optional.ofNullable(subnetGroup);
    }

    /**
     * {@return the VPC security groups; empty: DMS's default}
     */
    public Optional<List<String>> vpcSecurityGroupIds() {
        return Optional.ofNullable(vpcSecurityGroupIds);
    }

    /**
     * {@return the KMS key that encrypts the replication's data; empty: DMS's default key}
     */
    public Optional<String> kmsKeyId() {
        return Optional.ofNullable(kmsKeyId);
    }

    /**
     * {@return the availability zone; empty: one DMS chooses}
     */
    public Optional<String> availabilityZone() {
        return Optional.ofNullable(availabilityZone);
    }

    /**
     * {@return custom DNS name servers (at most four); empty: DMS's own}
     */
    public Optional<List<String>> dnsNameServers() {
        return Optional.ofNullable(dnsNameServers);
    }

    /**
     * {@return the weekly maintenance window, e.g. {@code sun:06:00-sun:06:30}; empty: one DMS chooses}
     */
    public Optional<String> preferredMaintenanceWindow() {
        return Optional.ofNullable(preferredMaintenanceWindow);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComputeConfig c && maxCapacityUnits == c.maxCapacityUnits
            && Objects.equals(minCapacityUnits, c.minCapacityUnits) && Objects.equals(multiAz, c.multiAz)
            && Objects.equals(subnetGroup, c.subnetGroup) && Objects.equals(vpcSecurityGroupIds, c.vpcSecurityGroupIds)
            && Objects.equals(kmsKeyId, c.kmsKeyId) && Objects.equals(availabilityZone, c.availabilityZone)
            && Objects.equals(dnsNameServers, c.dnsNameServers)
            && Objects.equals(preferredMaintenanceWindow, c.preferredMaintenanceWindow);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxCapacityUnits, minCapacityUnits, multiAz, subnetGroup);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ComputeConfig{maxCapacityUnits=").append(maxCapacityUnits);
        add(s, "minCapacityUnits", minCapacityUnits);
        add(s, "multiAz", multiAz);
        add(s, "subnetGroup", subnetGroup);
        add(s, "vpcSecurityGroupIds", vpcSecurityGroupIds);
        add(s, "kmsKeyId", kmsKeyId);
        add(s, "availabilityZone", availabilityZone);
        add(s, "dnsNameServers", dnsNameServers);
        add(s, "preferredMaintenanceWindow", preferredMaintenanceWindow);
        return s.append('}').toString();
    }

    private static void add(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(", ").append(name).append('=').append(value);
        }
    }

    /** Fluent builder for {@link ComputeConfig}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private Integer maxCapacityUnits;
        private Integer minCapacityUnits;
        private Boolean multiAz;
        private String subnetGroup;
        private List<String> vpcSecurityGroupIds;
        private String kmsKeyId;
        private String availabilityZone;
        private List<String> dnsNameServers;
        private String preferredMaintenanceWindow;

        private Builder() {
        }

        /**
         * Sets {@code maxCapacityUnits}: the most capacity DMS provisions: 1, 2, 4, 8, 16, 32, 64, 128, 192, 256 or 384
         * (required).
         *
         * @param dcu the most capacity DMS provisions: 1, 2, 4, 8, 16, 32, 64, 128, 192, 256 or 384 (required)
         * @return this builder
         */
        public Builder maxCapacityUnits(int dcu) {
            this.maxCapacityUnits = dcu;
            return this;
        }

        /**
         * Sets {@code minCapacityUnits}: the least capacity DMS scales down to, one of the same values, not above the
         * maximum (null: DMS's choice).
         *
         * @param dcu the least capacity DMS scales down to, one of the same values, not above the maximum (null:
         *     DMS's choice)
         * @return this builder
         */
        public Builder minCapacityUnits(Integer dcu) {
            this.minCapacityUnits = dcu;
            return this;
        }

        /**
         * Sets {@code multiAz}: a multi-AZ deployment (then no availability zone can be set); null: DMS's default.
         *
         * @param multiAz a multi-AZ deployment (then no availability zone can be set); null: DMS's default
         * @return this builder
         */
        public Builder multiAz(Boolean multiAz) {
            this.multiAz = multiAz;
            return this;
        }

        /**
         * Sets {@code subnetGroup}: the replication subnet group's identifier (one the pipeline defines, or one that
         * exists); null: DMS's default.
         *
         * @param identifier the replication subnet group's identifier (one the pipeline defines, or one that exists);
         *     null: DMS's default
         * @return this builder
         */
        public Builder subnetGroup(String identifier) {
            this.subnetGroup = identifier;
            return this;
        }

        /**
         * Sets {@code vpcSecurityGroupIds}: VPC security group ids ({@code sg-...}).
         *
         * @param ids VPC security group ids ({@code sg-...})
         * @return this builder
         */
        public Builder vpcSecurityGroupIds(String... ids) {
            this.vpcSecurityGroupIds = ids == null ? null : Arrays.asList(ids);
            return this;
        }

        /**
         * Sets {@code vpcSecurityGroupIds}: VPC security group ids ({@code sg-...}); null: DMS's default.
         *
         * @param ids VPC security group ids ({@code sg-...}); null: DMS's default
         * @return this builder
         */
        public Builder vpcSecurityGroupIds(Collection<String> ids) {
            this.vpcSecurityGroupIds = ids == null ? null : new ArrayList<>(ids);
            return this;
        }

        /**
         * Sets {@code kmsKeyId}: KMS key ARN, key id or alias that encrypts the replication's data (null: DMS's default).
         *
         * @param kmsKeyId KMS key ARN, key id or alias that encrypts the replication's data (null: DMS's default)
         * @return this builder
         */
        public Builder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        /**
         * Sets {@code availabilityZone}: e.g. {@code us-east-1a}; not with multi-AZ (null: DMS chooses).
         *
         * @param zone e.g. {@code us-east-1a}; not with multi-AZ (null: DMS chooses)
         * @return this builder
         */
        public Builder availabilityZone(String zone) {
            this.availabilityZone = zone;
            return this;
        }

        /**
         * Sets {@code dnsNameServers}: up to four IPv4 addresses of DNS name servers, used instead of DMS's own.
         *
         * @param servers up to four IPv4 addresses of DNS name servers, used instead of DMS's own
         * @return this builder
         */
        public Builder dnsNameServers(String... servers) {
            this.dnsNameServers = servers == null ? null : Arrays.asList(servers);
            return this;
        }

        /**
         * Sets {@code dnsNameServers}: up to four IPv4 addresses of DNS name servers (null: DMS's own).
         *
         * @param servers up to four IPv4 addresses of DNS name servers (null: DMS's own)
         * @return this builder
         */
        public Builder dnsNameServers(Collection<String> servers) {
            this.dnsNameServers = servers == null ? null : new ArrayList<>(servers);
            return this;
        }

        /**
         * Sets {@code preferredMaintenanceWindow}: weekly UTC window {@code ddd:hh24:mi-ddd:hh24:mi} of at least 30
         * minutes (null: DMS chooses).
         *
         * @param window weekly UTC window {@code ddd:hh24:mi-ddd:hh24:mi} of at least 30 minutes (null: DMS chooses)
         * @return this builder
         */
        public Builder preferredMaintenanceWindow(String window) {
            this.preferredMaintenanceWindow = window;
            return this;
        }

        /**
         * {@return the compute config}
         *
         * @throws InvalidDefinitionException listing every problem, each naming DMS's field
         */
        public ComputeConfig build() {
            List<DefinitionProblem> problems = new ArrayList<>();
            String allowed = "1, 2, 4, 8, 16, 32, 64, 128, 192, 256 or 384";
            if (maxCapacityUnits == null) {
                problems.add(DefinitionProblem.of("ComputeConfig.MaxCapacityUnits", "is required: "
                    + "maxCapacityUnits(dcu), one of " + allowed));
            } else if (!CAPACITY_UNITS.contains(maxCapacityUnits)) {
                problems.add(DefinitionProblem.of("ComputeConfig.MaxCapacityUnits", "must be one of " + allowed
                    + " DCU, was " + maxCapacityUnits));
            }
            if (minCapacityUnits != null) {
                if (!CAPACITY_UNITS.contains(minCapacityUnits)) {
                    problems.add(DefinitionProblem.of("ComputeConfig.MinCapacityUnits", "must be one of " + allowed
                        + " DCU, was " + minCapacityUnits));
                } else if (maxCapacityUnits != null && minCapacityUnits > maxCapacityUnits) {
                    problems.add(DefinitionProblem.of("ComputeConfig.MinCapacityUnits", minCapacityUnits
                        + " is above MaxCapacityUnits " + maxCapacityUnits));
                }
            }
            if (Boolean.TRUE.equals(multiAz) && availabilityZone != null) {
                problems.add(DefinitionProblem.of("ComputeConfig.AvailabilityZone",
                    "cannot be set when MultiAZ is true: remove one of them"));
            }
            if (availabilityZone != null && !AVAILABILITY_ZONE.matcher(availabilityZone).matches()) {
                problems.add(DefinitionProblem.of("ComputeConfig.AvailabilityZone", Validate.show(availabilityZone)
                    + " is not an availability zone (e.g. us-east-1a)"));
            }
            if (subnetGroup != null) {
                Identifiers.checkSubnetGroupReference(problems, "ComputeConfig.ReplicationSubnetGroupId", subnetGroup);
            }
            Validate.noNullElements(problems, "ComputeConfig.VpcSecurityGroupIds", vpcSecurityGroupIds);
            if (vpcSecurityGroupIds != null) {
                for (Object o : vpcSecurityGroupIds) {
                    if (o instanceof String sg && !SECURITY_GROUP.matcher(sg).matches()) {
                        problems.add(DefinitionProblem.of("ComputeConfig.VpcSecurityGroupIds", Validate.show(sg)
                            + " is not a security group id (sg-...)"));
                    }
                }
            }
            Validate.kmsKey(problems, "ComputeConfig.KmsKeyId", kmsKeyId);
            Validate.noNullElements(problems, "ComputeConfig.DnsNameServers", dnsNameServers);
            if (dnsNameServers != null) {
                if (dnsNameServers.size() > MAX_NAME_SERVERS) {
                    problems.add(DefinitionProblem.of("ComputeConfig.DnsNameServers", "at most " + MAX_NAME_SERVERS
                        + " name servers, was " + dnsNameServers.size()));
                }
                for (Object o : dnsNameServers) {
                    if (o instanceof String ip && !IPV4.matcher(ip).matches()) {
                        problems.add(DefinitionProblem.of("ComputeConfig.DnsNameServers", Validate.show(ip)
                            + " is not an IPv4 address (e.g. 10.0.0.2)"));
                    }
                }
            }
            Validate.maintenanceWindow(problems, "ComputeConfig.PreferredMaintenanceWindow",
                preferredMaintenanceWindow);
            if (!problems.isEmpty()) {
                throw new InvalidDefinitionException(problems);
            }
            return new ComputeConfig(this);
        }
    }
}
