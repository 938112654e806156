package io.dmskit.core.internal;

import io.dmskit.core.Endpoint;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationSubnetGroup;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.core.provision.ResourceKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A resource the pipeline defines, with what DMS (or Secrets Manager) reports for it and what planning decided. Each
 * kind pairs its own dmskit definition with its own SDK model, so a task can never be planned against an endpoint;
 * code that acts per kind goes through {@link Visitor}, which a new kind cannot pass unnoticed.
 */
sealed interface Item {

    /** @return the resource kind */
    ResourceKind kind();

    /** @return the identifier (a secret's name for secrets) */
    String id();

    /** @return what planning decided */
    Decision decision();

    /** @return the ARN of the resource as it exists, null when it does not exist or is not addressed by ARN */
    String actualArn();

    /** @return keys ({@link #key(ResourceKind, String)}) of the resources this one refers to */
    List<String> refs();

    /**
     * @param visitor the per-kind code
     * @param <R> its result
     * @return the visitor's result for this item
     */
    <R> R accept(Visitor<R> visitor);

    /** @return the planned action */
    default ChangeAction action() {
        return decision().action();
    }

    /** @return e.g. {@code replication task 'orders'}, for logs and errors */
    default String name() {
        return kind() + " '" + id() + "'";
    }

    /** @return this resource's key */
    default String key() {
        return key(kind(), id());
    }

    /** @return the change as the plan shows it */
    default ResourceChange change() {
        return decision().change(kind(), id());
    }

    /**
     * @param kind resource kind
     * @param id identifier
     * @return the resource's key in maps and results, e.g. {@code ENDPOINT:source} (DMS lower-cases identifiers)
     */
    static String key(ResourceKind kind, String id) {
        return kind.name() + ":" + id.toLowerCase(Locale.ROOT);
    }

    /** A resource that DMS cannot change in place in some ways: it is then deleted and created again. */
    sealed interface Replaceable extends Item {
        /** @return how its old version is deleted */
        Deletable deletable();
    }

    /**
     * Code that differs per kind of item; one method per kind.
     *
     * @param <R> result type
     */
    interface Visitor<R> {
        /**
         * @param it a managed secret
         * @return the result for it
         */
        R secret(SecretItem it);

        /**
         * @param it a subnet group
         * @return the result for it
         */
        R subnetGroup(SubnetGroupItem it);

        /**
         * @param it a replication instance
         * @return the result for it
         */
        R instance(InstanceItem it);

        /**
         * @param it an endpoint
         * @return the result for it
         */
        R endpoint(EndpointItem it);

        /**
         * @param it a replication task
         * @return the result for it
         */
        R task(TaskItem it);

        /**
         * @param it a DMS Serverless replication config
         * @return the result for it
         */
        R config(ConfigItem it);
    }

    /**
     * A managed secret: the first endpoint naming it supplies its value.
     *
     * @param owner the endpoint whose credentials fill the secret
     * @param secret the managed-secret credentials
     * @param actual the secret as Secrets Manager reports it, null when absent
     * @param decision what planning decided
     */
    record SecretItem(Endpoint owner, Credentials.ManagedSecret secret, Observed.SecretState actual,
                      Decision decision) implements Item {
        @Override
        public ResourceKind kind() {
            return ResourceKind.SECRET;
        }

        @Override
        public String id() {
            return secret.secretName();
        }

        @Override
        public String actualArn() {
            return actual == null ? null : actual.arn();
        }

        @Override
        public List<String> refs() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.secret(this);
        }
    }

    /**
     * A replication subnet group (DMS gives it no ARN that dmskit uses: it is addressed by identifier).
     *
     * @param desired the definition
     * @param actual as DMS reports it, null when absent
     * @param decision what planning decided
     */
    record SubnetGroupItem(ReplicationSubnetGroup desired,
                           software.amazon.awssdk.services.databasemigration.model.ReplicationSubnetGroup actual,
                           Decision decision) implements Item {
        @Override
        public ResourceKind kind() {
            return ResourceKind.SUBNET_GROUP;
        }

        @Override
        public String id() {
            return desired.identifier();
        }

        @Override
        public String actualArn() {
            return null;
        }

        @Override
        public List<String> refs() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.subnetGroup(this);
        }
    }

    /**
     * A replication instance.
     *
     * @param desired the definition
     * @param actual as DMS reports it, null when absent
     * @param decision what planning decided
     */
    record InstanceItem(ReplicationInstance desired,
                        software.amazon.awssdk.services.databasemigration.model.ReplicationInstance actual,
                        Decision decision) implements Replaceable {
        @Override
        public Deletable deletable() {
            return Deletable.REPLICATION_INSTANCE;
        }

        @Override
        public ResourceKind kind() {
            return ResourceKind.REPLICATION_INSTANCE;
        }

        @Override
        public String id() {
            return desired.identifier();
        }

        @Override
        public String actualArn() {
            return actual == null ? null : actual.replicationInstanceArn();
        }

        @Override
        public List<String> refs() {
            return desired.subnetGroup().map(g -> List.of(Item.key(ResourceKind.SUBNET_GROUP, g))).orElse(List.of());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.instance(this);
        }
    }

    /**
     * An endpoint.
     *
     * @param desired the definition
     * @param actual as DMS reports it, null when absent
     * @param decision what planning decided
     */
    record EndpointItem(Endpoint desired, software.amazon.awssdk.services.databasemigration.model.Endpoint actual,
                        Decision decision) implements Replaceable {
        @Override
        public Deletable deletable() {
            return Deletable.ENDPOINT;
        }

        @Override
        public ResourceKind kind() {
            return ResourceKind.ENDPOINT;
        }

        @Override
        public String id() {
            return desired.identifier();
        }

        @Override
        public String actualArn() {
            return actual == null ? null : actual.endpointArn();
        }

        @Override
        public List<String> refs() {
            return secretName(desired).map(s -> List.of(Item.key(ResourceKind.SECRET, s))).orElse(List.of());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.endpoint(this);
        }

        /**
         * @param e an endpoint
         * @return the name of its managed secret, empty when it has none
         */
        static Optional<String> secretName(Endpoint e) {
            return e.credentials().orElse(null) instanceof Credentials.ManagedSecret m ? Optional.of(m.secretName())
                : Optional.empty();
        }
    }

    /**
     * A replication task.
     *
     * @param desired the definition
     * @param actual as DMS reports it, null when absent
     * @param decision what planning decided
     */
    record TaskItem(ReplicationTask desired, software.amazon.awssdk.services.databasemigration.model.ReplicationTask actual,
                    Decision decision) implements Replaceable {
        @Override
        public Deletable deletable() {
            return Deletable.REPLICATION_TASK;
        }

        @Override
        public ResourceKind kind() {
            return ResourceKind.REPLICATION_TASK;
        }

        @Override
        public String id() {
            return desired.identifier();
        }

        @Override
        public String actualArn() {
            return actual == null ? null : actual.replicationTaskArn();
        }

        /** @return its source endpoint, target endpoint and replication instance */
        @Override
        public List<String> refs() {
            return List.of(Item.key(ResourceKind.ENDPOINT, desired.sourceEndpoint()),
                Item.key(ResourceKind.ENDPOINT, desired.targetEndpoint()),
                Item.key(ResourceKind.REPLICATION_INSTANCE, desired.replicationInstance()));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.task(this);
        }
    }

    /**
     * A DMS Serverless replication config and its replication.
     *
     * @param desired the definition
     * @param actual the config as DMS reports it, null when absent
     * @param replication its replication as DMS reports it, null when it never started (or the config is absent)
     * @param decision what planning decided
     */
    record ConfigItem(io.dmskit.core.ReplicationConfig desired,
                      software.amazon.awssdk.services.databasemigration.model.ReplicationConfig actual,
                      software.amazon.awssdk.services.databasemigration.model.Replication replication,
                      Decision decision) implements Replaceable {
        @Override
        public Deletable deletable() {
            return Deletable.REPLICATION_CONFIG;
        }

        @Override
        public ResourceKind kind() {
            return ResourceKind.REPLICATION_CONFIG;
        }

        @Override
        public String id() {
            return desired.identifier();
        }

        @Override
        public String actualArn() {
            return actual == null ? null : actual.replicationConfigArn();
        }

        /** @return its source and target endpoints, and its subnet group when the pipeline defines it */
        @Override
        public List<String> refs() {
            List<String> refs = new java.util.ArrayList<>(List.of(Item.key(ResourceKind.ENDPOINT,
                desired.sourceEndpoint()), Item.key(ResourceKind.ENDPOINT, desired.targetEndpoint())));
            desired.compute().subnetGroup().ifPresent(g -> refs.add(Item.key(ResourceKind.SUBNET_GROUP, g)));
            return refs;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.config(this);
        }
    }
}
