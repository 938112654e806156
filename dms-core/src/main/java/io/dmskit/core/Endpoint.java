package io.dmskit.core;

import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.endpoint.EndpointType;
import io.dmskit.core.endpoint.EngineName;
import io.dmskit.core.endpoint.KinesisSettings;
import io.dmskit.core.endpoint.MySqlSettings;
import io.dmskit.core.endpoint.OracleSettings;
import io.dmskit.core.endpoint.PostgreSqlSettings;
import io.dmskit.core.endpoint.S3Settings;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.SqlServerSettings;
import io.dmskit.core.endpoint.SslMode;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Identifiers;
import io.dmskit.core.internal.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A DMS endpoint: a source or target database, S3 bucket or Kinesis stream, with typed engine settings and
 * credentials that never print themselves. Immutable; start from a factory per engine.
 *
 * <pre>{@code
 * Endpoint source = Endpoint.mysql("ecommerce-mysql-source").source()
 *     .serverName("172.20.10.4").port(3306).sslMode(SslMode.REQUIRE)
 *     .managedSecret("ecommerce/onprem-mysql-password", secretsRoleArn, "root", Secret.fromEnv("MYSQL_PASSWORD"))
 *     .build();
 * Endpoint target = Endpoint.s3("market-intelligence-hub-target")
 *     .s3Settings(s -> s.bucketName("market-intelligence-hub-raw").serviceAccessRoleArn(s3RoleArn)
 *         .dataFormat(S3DataFormat.PARQUET))
 *     .build();
 * }</pre>
 */
public final class Endpoint {

    /** Characters DMS does not accept in endpoint passwords. */
    public static final String FORBIDDEN_PASSWORD_CHARACTERS = ";.:+";

    private final String identifier;
    private final EngineName engine;
    private final EndpointType type;
    private final String serverName;
    private final Integer port;
    private final String databaseName;
    private final Credentials credentials;
    private final SslMode sslMode;
    private final String certificateArn;
    private final String kmsKeyId;
    private final String extraConnectionAttributes;
    private final Map<String, String> tags;
    private final MySqlSettings mySqlSettings;
    private final PostgreSqlSettings postgreSqlSettings;
    private final OracleSettings oracleSettings;
    private final SqlServerSettings sqlServerSettings;
    private final S3Settings s3Settings;
    private final KinesisSettings kinesisSettings;

    private Endpoint(Builder b, MySqlSettings my, PostgreSqlSettings pg, OracleSettings ora, SqlServerSettings ss,
                     S3Settings s3, KinesisSettings kin) {
        this.identifier = b.identifier;
        this.engine = b.engine;
        this.type = b.type;
        this.serverName = b.serverName;
        this.port = b.port;
        this.databaseName = b.databaseName;
        this.credentials = b.credentials.isEmpty() ? null : b.credentials.get(b.credentials.size() - 1);
        this.sslMode = b.sslMode;
        this.certificateArn = b.certificateArn;
        this.kmsKeyId = b.kmsKeyId;
        this.extraConnectionAttributes = b.extraConnectionAttributes;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.mySqlSettings = my;
        this.postgreSqlSettings = pg;
        this.oracleSettings = ora;
        this.sqlServerSettings = ss;
        this.s3Settings = s3;
        this.kinesisSettings = kin;
    }

    /**
     * {@return a MySQL endpoint builder (call source() or target())}
     *
     * @param identifier endpoint identifier
     */
    public static Builder mysql(String identifier) {
        return new Builder(identifier, EngineName.MYSQL);
    }

    /**
     * {@return a MariaDB endpoint builder}
     *
     * @param identifier endpoint identifier
     */
    public static Builder mariadb(String identifier) {
        return new Builder(identifier, EngineName.MARIADB);
    }

    /**
     * {@return an Aurora MySQL endpoint builder}
     *
     * @param identifier endpoint identifier
     */
    public static Builder auroraMysql(String identifier) {
        return new Builder(identifier, EngineName.AURORA_MYSQL);
    }

    /**
     * {@return a PostgreSQL endpoint builder}
     *
     * @param identifier endpoint identifier
     */
    public static Builder postgres(String identifier) {
        return new Builder(identifier, EngineName.POSTGRES);
    }

    /**
     * {@return an Aurora PostgreSQL endpoint builder}
     *
     * @param identifier endpoint identifier
     */
    public static Builder auroraPostgres(String identifier) {
        return new Builder(identifier, EngineName.AURORA_POSTGRESQL);
    }

    /**
     * {@return an Oracle endpoint builder}
     *
     * @param identifier endpoint identifier
     */
    public static Builder oracle(String identifier) {
        return new Builder(identifier, EngineName.ORACLE);
    }

    /**
     * {@return a SQL Server endpoint builder}
     *
     * @param identifier endpoint identifier
     */
    public static Builder sqlServer(String identifier) {
        return new Builder(identifier, EngineName.SQLSERVER);
    }

    /**
     * {@return an S3 endpoint builder (a target unless source() is called)}
     *
     * @param identifier endpoint identifier
     */
    public static Builder s3(String identifier) {
        return new Builder(identifier, EngineName.S3).target();
    }

    /**
     * {@return a Kinesis target endpoint builder}
     *
     * @param identifier endpoint identifier
     */
    public static Builder kinesis(String identifier) {
        return new Builder(identifier, EngineName.KINESIS).target();
    }

    /**
     * {@return a builder for that engine}
     *
     * @param identifier endpoint identifier
     * @param engine the engine (null is reported by {@link Builder#build()})
     */
    public static Builder builder(String identifier, EngineName engine) {
        return new Builder(identifier, engine);
    }

    /** {@return a builder holding this endpoint's fields} */
    public Builder toBuilder() {
        Builder b = new Builder(identifier, engine);
        b.type = type;
        b.serverName = serverName;
        b.port = port;
        b.databaseName = databaseName;
        if (credentials != null) {
            b.credentials.add(credentials);
        }
        b.sslMode = sslMode;
        b.certificateArn = certificateArn;
        b.kmsKeyId = kmsKeyId;
        b.extraConnectionAttributes = extraConnectionAttributes;
        b.tags.putAll(tags);
        b.mySql = mySqlSettings == null ? null : mySqlSettings.toBuilder();
        b.postgres = postgreSqlSettings == null ? null : postgreSqlSettings.toBuilder();
        b.oracle = oracleSettings == null ? null : oracleSettings.toBuilder();
        b.sqlServer = sqlServerSettings == null ? null : sqlServerSettings.toBuilder();
        b.s3 = s3Settings == null ? null : s3Settings.toBuilder();
        b.kinesis = kinesisSettings == null ? null : kinesisSettings.toBuilder();
        return b;
    }

    /** {@return the endpoint identifier} */
    public String identifier() {
        return identifier;
    }

    /** {@return the engine} */
    public EngineName engine() {
        return engine;
    }

    /** {@return source or target} */
    public EndpointType type() {
        return type;
    }

    /** {@return the database host} */
    public Optional<String> serverName() {
        return Optional.ofNullable(serverName);
    }

    /** {@return the database port} */
    public Optional<Integer> port() {
        return Optional.ofNullable(port);
    }

    /** {@return the database name} */
    public Optional<String> databaseName() {
        return Optional.ofNullable(databaseName);
    }

    /** {@return how DMS authenticates} */
    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** {@return the TLS mode} */
    public Optional<SslMode> sslMode() {
        return Optional.ofNullable(sslMode);
    }

    /** {@return the DMS certificate ARN for verify-ca / verify-full} */
    public Optional<String> certificateArn() {
        return Optional.ofNullable(certificateArn);
    }

    /** {@return the KMS key encrypting the connection parameters (cannot change after creation)} */
    public Optional<String> kmsKeyId() {
        return Optional.ofNullable(kmsKeyId);
    }

    /** {@return extra connection attributes} */
    public Optional<String> extraConnectionAttributes() {
        return Optional.ofNullable(extraConnectionAttributes);
    }

    /** {@return tags applied on creation} */
    public Map<String, String> tags() {
        return tags;
    }

    /** {@return MySQL-family settings} */
    public Optional<MySqlSettings> mySqlSettings() {
        return Optional.ofNullable(mySqlSettings);
    }

    /** {@return PostgreSQL-family settings} */
    public Optional<PostgreSqlSettings> postgreSqlSettings() {
        return Optional.ofNullable(postgreSqlSettings);
    }

    /** {@return Oracle settings} */
    public Optional<OracleSettings> oracleSettings() {
        return Optional.ofNullable(oracleSettings);
    }

    /** {@return SQL Server settings} */
    public Optional<SqlServerSettings> sqlServerSettings() {
        return Optional.ofNullable(sqlServerSettings);
    }

    /** {@return S3 settings} */
    public Optional<S3Settings> s3Settings() {
        return Optional.ofNullable(s3Settings);
    }

    /** {@return Kinesis settings} */
    public Optional<KinesisSettings> kinesisSettings() {
        return Optional.ofNullable(kinesisSettings);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Endpoint e)) {
            return false;
        }
        return identifier.equals(e.identifier) && engine == e.engine && type == e.type
            && Objects.equals(serverName, e.serverName) && Objects.equals(port, e.port)
            && Objects.equals(databaseName, e.databaseName) && Objects.equals(credentials, e.credentials)
            && sslMode == e.sslMode && Objects.equals(certificateArn, e.certificateArn)
            && Objects.equals(kmsKeyId, e.kmsKeyId)
            && Objects.equals(extraConnectionAttributes, e.extraConnectionAttributes) && tags.equals(e.tags)
            && Objects.equals(mySqlSettings, e.mySqlSettings) && Objects.equals(postgreSqlSettings, e.postgreSqlSettings)
            && Objects.equals(oracleSettings, e.oracleSettings) && Objects.equals(sqlServerSettings, e.sqlServerSettings)
            && Objects.equals(s3Settings, e.s3Settings) && Objects.equals(kinesisSettings, e.kinesisSettings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, engine, type, serverName, port, databaseName, sslMode, certificateArn,
            s3Settings, mySqlSettings, postgreSqlSettings);
    }

    /** {@return the set fields; credentials show their kind and names only, never a password} */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Endpoint{").append(identifier).append(", ").append(engine)
            .append(' ').append(type);
        append(s, "serverName", serverName);
        append(s, "port", port);
        append(s, "databaseName", databaseName);
        append(s, "credentials", credentials);
        append(s, "sslMode", sslMode);
        append(s, "certificateArn", certificateArn);
        append(s, "kmsKeyId", kmsKeyId);
        append(s, "extraConnectionAttributes", extraConnectionAttributes);
        append(s, "tags", tags.isEmpty() ? null : tags);
        append(s, "settings", mySqlSettings);
        append(s, "settings", postgreSqlSettings);
        append(s, "settings", oracleSettings);
        append(s, "settings", sqlServerSettings);
        append(s, "settings", s3Settings);
        append(s, "settings", kinesisSettings);
        return s.append('}').toString();
    }

    private static void append(StringBuilder s, String name, Object v) {
        if (v != null) {
            s.append(", ").append(name).append('=').append(v);
        }
    }

    /** Fluent builder for {@link Endpoint}. */
    public static final class Builder {
        private final String identifier;
        private final EngineName engine;
        private EndpointType type;
        private String serverName;
        private Integer port;
        private String databaseName;
        private final List<Credentials> credentials = new ArrayList<>();
        private SslMode sslMode;
        private String certificateArn;
        private String kmsKeyId;
        private String extraConnectionAttributes;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private MySqlSettings.Builder mySql;
        private PostgreSqlSettings.Builder postgres;
        private OracleSettings.Builder oracle;
        private SqlServerSettings.Builder sqlServer;
        private S3Settings.Builder s3;
        private KinesisSettings.Builder kinesis;

        private final List<DefinitionProblem> rejected = new ArrayList<>();

        private Builder(String identifier, EngineName engine) {
            this.identifier = identifier;
            this.engine = engine;
        }

        /** {@return this builder, as a source endpoint} */
        public Builder source() {
            this.type = EndpointType.SOURCE;
            return this;
        }

        /** {@return this builder, as a target endpoint} */
        public Builder target() {
            this.type = EndpointType.TARGET;
            return this;
        }

        /**
         * Sets {@code type}: source or target (null unsets).
         *
         * @param type source or target (null unsets)
         * @return this builder
         */
        public Builder type(EndpointType type) {
            this.type = type;
            return this;
        }

        /**
         * Sets {@code serverName}: database host name or IP.
         *
         * @param serverName database host name or IP
         * @return this builder
         */
        public Builder serverName(String serverName) {
            this.serverName = serverName;
            return this;
        }

        /**
         * Sets {@code port}: database port.
         *
         * @param port database port
         * @return this builder
         */
        public Builder port(Integer port) {
            this.port = port;
            return this;
        }

        /**
         * Sets {@code databaseName}: database name (for MySQL sources usually left unset).
         *
         * @param databaseName database name (for MySQL sources usually left unset)
         * @return this builder
         */
        public Builder databaseName(String databaseName) {
            this.databaseName = databaseName;
            return this;
        }

        /**
         * Sets the credentials. Setting two different kinds (for example a password and a secret) is reported by
         * {@link #build()}.
         *
         * @param credentials the credentials; null unsets every credential set so far
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            if (credentials == null) {
                this.credentials.clear();
            } else {
                this.credentials.add(credentials);
            }
            return this;
        }

        /**
         * Sets {@code password}: database user.
         *
         * @param username database user
         * @param password password, never printed (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder password(String username, Secret password) {
            if (password == null) {
                rejected.add(DefinitionProblem.of("Password", "is null: pass a Secret (Secret.of, Secret.fromEnv)"));
                return this;
            }
            return credentials(Credentials.password(username, password));
        }

        /**
         * Sets {@code secretsManager}: existing secret ARN (or name) in DMS's format.
         *
         * @param secretId existing secret ARN (or name) in DMS's format
         * @param accessRoleArn role DMS assumes to read it
         * @return this builder
         */
        public Builder secretsManager(String secretId, String accessRoleArn) {
            return credentials(Credentials.secretsManager(secretId, accessRoleArn));
        }

        /**
         * A secret the provisioner creates or updates with {@code username}, {@code password} and this endpoint's
         * {@code host} and {@code port}, then wires to the endpoint.
         *
         * @param secretName secret name
         * @param accessRoleArn role DMS assumes to read it
         * @param username database user
         * @param password password, never printed (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder managedSecret(String secretName, String accessRoleArn, String username, Secret password) {
            if (password == null) {
                rejected.add(DefinitionProblem.of("Password", "is null: pass a Secret (Secret.of, Secret.fromEnv)"));
                return this;
            }
            return credentials(Credentials.managedSecret(secretName, accessRoleArn, username, password));
        }

        /**
         * Sets {@code sslMode}: TLS mode.
         *
         * @param sslMode TLS mode
         * @return this builder
         */
        public Builder sslMode(SslMode sslMode) {
            this.sslMode = sslMode;
            return this;
        }

        /**
         * Sets {@code certificateArn}: DMS certificate ARN.
         *
         * @param certificateArn DMS certificate ARN
         * @return this builder
         */
        public Builder certificateArn(String certificateArn) {
            this.certificateArn = certificateArn;
            return this;
        }

        /**
         * Sets {@code kmsKeyId}: KMS key for the connection parameters.
         *
         * @param kmsKeyId KMS key for the connection parameters
         * @return this builder
         */
        public Builder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        /**
         * Sets {@code extraConnectionAttributes}: extra connection attributes ({@code k=v;k2=v2}).
         *
         * @param attributes extra connection attributes ({@code k=v;k2=v2})
         * @return this builder
         */
        public Builder extraConnectionAttributes(String attributes) {
            this.extraConnectionAttributes = attributes;
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
         * Before 0.2 this method added to the existing tags; use {@link #tag(String, String)} to add one.
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

        /**
         * Sets {@code mySqlSettings}: MySQL-family settings.
         *
         * @param settings MySQL-family settings
         * @return this builder
         */
        public Builder mySqlSettings(MySqlSettings settings) {
            this.mySql = settings == null ? null : settings.toBuilder();
            return this;
        }

        /**
         * Sets {@code mySqlSettings}: edits the MySQL-family settings.
         *
         * @param spec edits the MySQL-family settings
         * @return this builder
         */
        public Builder mySqlSettings(Consumer<MySqlSettings.Builder> spec) {
            if (mySql == null) {
                mySql = MySqlSettings.builder();
            }
            customize("MySqlSettings", spec, mySql);
            return this;
        }

        /**
         * Sets {@code postgreSqlSettings}: PostgreSQL-family settings.
         *
         * @param settings PostgreSQL-family settings
         * @return this builder
         */
        public Builder postgreSqlSettings(PostgreSqlSettings settings) {
            this.postgres = settings == null ? null : settings.toBuilder();
            return this;
        }

        /**
         * Sets {@code postgreSqlSettings}: edits the PostgreSQL-family settings.
         *
         * @param spec edits the PostgreSQL-family settings
         * @return this builder
         */
        public Builder postgreSqlSettings(Consumer<PostgreSqlSettings.Builder> spec) {
            if (postgres == null) {
                postgres = PostgreSqlSettings.builder();
            }
            customize("PostgreSqlSettings", spec, postgres);
            return this;
        }

        /**
         * Sets {@code oracleSettings}: Oracle settings.
         *
         * @param settings Oracle settings
         * @return this builder
         */
        public Builder oracleSettings(OracleSettings settings) {
            this.oracle = settings == null ? null : settings.toBuilder();
            return this;
        }

        /**
         * Sets {@code oracleSettings}: edits the Oracle settings.
         *
         * @param spec edits the Oracle settings
         * @return this builder
         */
        public Builder oracleSettings(Consumer<OracleSettings.Builder> spec) {
            if (oracle == null) {
                oracle = OracleSettings.builder();
            }
            customize("OracleSettings", spec, oracle);
            return this;
        }

        /**
         * Sets {@code sqlServerSettings}: SQL Server settings.
         *
         * @param settings SQL Server settings
         * @return this builder
         */
        public Builder sqlServerSettings(SqlServerSettings settings) {
            this.sqlServer = settings == null ? null : settings.toBuilder();
            return this;
        }

        /**
         * Sets {@code sqlServerSettings}: edits the SQL Server settings.
         *
         * @param spec edits the SQL Server settings
         * @return this builder
         */
        public Builder sqlServerSettings(Consumer<SqlServerSettings.Builder> spec) {
            if (sqlServer == null) {
                sqlServer = SqlServerSettings.builder();
            }
            customize("SqlServerSettings", spec, sqlServer);
            return this;
        }

        /**
         * Sets {@code s3Settings}: S3 settings.
         *
         * @param settings S3 settings
         * @return this builder
         */
        public Builder s3Settings(S3Settings settings) {
            this.s3 = settings == null ? null : settings.toBuilder();
            return this;
        }

        /**
         * Sets {@code s3Settings}: edits the S3 settings.
         *
         * @param spec edits the S3 settings
         * @return this builder
         */
        public Builder s3Settings(Consumer<S3Settings.Builder> spec) {
            if (s3 == null) {
                s3 = S3Settings.builder();
            }
            customize("S3Settings", spec, s3);
            return this;
        }

        /**
         * Sets {@code kinesisSettings}: Kinesis settings.
         *
         * @param settings Kinesis settings
         * @return this builder
         */
        public Builder kinesisSettings(KinesisSettings settings) {
            this.kinesis = settings == null ? null : settings.toBuilder();
            return this;
        }

        /**
         * Sets {@code kinesisSettings}: edits the Kinesis settings.
         *
         * @param spec edits the Kinesis settings
         * @return this builder
         */
        public Builder kinesisSettings(Consumer<KinesisSettings.Builder> spec) {
            if (kinesis == null) {
                kinesis = KinesisSettings.builder();
            }
            customize("KinesisSettings", spec, kinesis);
            return this;
        }

        /** Runs a settings customizer; a null one is reported by {@link #build()}. */
        private <T> void customize(String section, Consumer<T> spec, T settings) {
            if (spec == null) {
                rejected.add(DefinitionProblem.of(section, "the spec (Consumer) is null"));
            } else {
                spec.accept(settings);
            }
        }

        /** {@return the identifier this builder was started with (for the pipeline's reference checks)} */
        String identifier() {
            return identifier;
        }

        /**
         * {@return the endpoint}
         *
         * @throws InvalidDefinitionException listing every problem at once
         */
        public Endpoint build() {
            List<DefinitionProblem> problems = new ArrayList<>(rejected);
            Identifiers.check(problems, "EndpointIdentifier", identifier, 255);
            if (engine == null) {
                problems.add(DefinitionProblem.of("EngineName", "is required: start from Endpoint.mysql(id), "
                    + "Endpoint.s3(id), ... or pass an EngineName"));
                throw new InvalidDefinitionException(problems.stream()
                    .map(p -> p.in("endpoint " + Validate.show(identifier))).toList());
            }
            MySqlSettings my = settings(problems, mySql, MySqlSettings.Builder::build);
            PostgreSqlSettings pg = settings(problems, postgres, PostgreSqlSettings.Builder::build);
            OracleSettings ora = settings(problems, oracle, OracleSettings.Builder::build);
            SqlServerSettings ss = settings(problems, sqlServer, SqlServerSettings.Builder::build);
            S3Settings s3v = settings(problems, s3, S3Settings.Builder::build);
            KinesisSettings kin = settings(problems, kinesis, KinesisSettings.Builder::build);
            if (type == null) {
                problems.add(DefinitionProblem.of("EndpointType", "not set: call source() or target()"));
            }
            EngineName.Family f = engine.family();
            wrongFamily(problems, my != null && f != EngineName.Family.MYSQL, "MySQLSettings");
            wrongFamily(problems, pg != null && f != EngineName.Family.POSTGRES, "PostgreSQLSettings");
            wrongFamily(problems, ora != null && f != EngineName.Family.ORACLE, "OracleSettings");
            wrongFamily(problems, ss != null && f != EngineName.Family.SQLSERVER, "MicrosoftSQLServerSettings");
            wrongFamily(problems, s3v != null && f != EngineName.Family.S3, "S3Settings");
            wrongFamily(problems, kin != null && f != EngineName.Family.KINESIS, "KinesisSettings");
            if (engine.isDatabase()) {
                checkDatabase(problems);
            } else {
                if (!credentials.isEmpty() || serverName != null || port != null) {
                    problems.add(DefinitionProblem.of("Credentials", "a " + engine
                        + " endpoint takes no server, port or database credentials; access goes through the "
                        + "service access role"));
                }
                if (sslMode != null && sslMode != SslMode.NONE) {
                    problems.add(DefinitionProblem.of("SslMode", "SslMode does not apply to a " + engine + " endpoint"));
                }
            }
            if (f == EngineName.Family.S3) {
                if (s3v == null && s3 == null) {
                    problems.add(DefinitionProblem.of("S3Settings", "an S3 endpoint needs S3Settings with BucketName "
                        + "and ServiceAccessRoleArn"));
                } else if (s3v != null) {
                    if (s3v.bucketName().filter(x -> !x.isBlank()).isEmpty()) {
                        problems.add(DefinitionProblem.of("S3Settings.BucketName", "an S3 endpoint needs BucketName"));
                    }
                    if (s3v.serviceAccessRoleArn().filter(x -> !x.isBlank()).isEmpty()) {
                        problems.add(DefinitionProblem.of("S3Settings.ServiceAccessRoleArn",
                            "an S3 endpoint needs ServiceAccessRoleArn (a role DMS assumes, with iam:PassRole)"));
                    }
                }
            }
            if (f == EngineName.Family.KINESIS && kinesis == null) {
                problems.add(DefinitionProblem.of("KinesisSettings",
                    "a Kinesis endpoint needs KinesisSettings with StreamArn and ServiceAccessRoleArn"));
            }
            if (engine == EngineName.KINESIS && type == EndpointType.SOURCE) {
                problems.add(DefinitionProblem.of("EndpointType", "Kinesis is a target only"));
            }
            Validate.hostName(problems, "ServerName", serverName);
            Validate.noControlCharacters(problems, "DatabaseName", databaseName);
            Validate.noControlCharacters(problems, "ExtraConnectionAttributes", extraConnectionAttributes);
            Validate.arn(problems, "CertificateArn", certificateArn, "dms", "cert:");
            Validate.kmsKey(problems, "KmsKeyId", kmsKeyId);
            checkCredentialNames(problems);
            Validate.tags(problems, tags, Validate.PIPELINE_TAG);
            if (!problems.isEmpty()) {
                String name = "endpoint " + Validate.show(identifier);
                throw new InvalidDefinitionException(problems.stream().map(p -> p.in(name)).toList());
            }
            return new Endpoint(this, my, pg, ora, ss, s3v, kin);
        }

        private void checkDatabase(List<DefinitionProblem> problems) {
            if (port != null && (port < 1 || port > 65535)) {
                problems.add(DefinitionProblem.of("Port", "must be 1..65535, was " + port));
            }
            if ((sslMode == SslMode.VERIFY_CA || sslMode == SslMode.VERIFY_FULL) && certificateArn == null) {
                problems.add(DefinitionProblem.of("CertificateArn", "SslMode " + sslMode
                    + " needs a certificate: set certificateArn(...)"));
            }
            long kinds = credentials.stream().map(Object::getClass).distinct().count();
            if (credentials.isEmpty()) {
                problems.add(DefinitionProblem.of("Credentials", "a " + engine + " endpoint needs credentials: "
                    + "password(user, secret), secretsManager(secretArn, roleArn) or managedSecret(...)"));
                return;
            }
            if (kinds > 1) {
                problems.add(DefinitionProblem.of("Credentials", "set either a password or a Secrets Manager secret, "
                    + "not both"));
            }
            for (Credentials any : credentials) {
                if (any instanceof Credentials.Password p) {
                    checkPassword(problems, p.password());
                } else if (any instanceof Credentials.ManagedSecret m) {
                    checkPassword(problems, m.password());
                }
            }
            Credentials c = credentials.get(credentials.size() - 1);
            if (c instanceof Credentials.Password p) {
                requireText(problems, "Username", p.username(), "with a clear-text password");
                requireText(problems, "ServerName", serverName, "with a clear-text password");
                if (port == null) {
                    problems.add(DefinitionProblem.of("Port", "is required with a clear-text password"));
                }
            } else if (c instanceof Credentials.SecretsManagerReference r) {
                requireText(problems, "SecretsManagerSecretId", r.secretId(), "for a Secrets Manager secret");
                requireText(problems, "SecretsManagerAccessRoleArn", r.accessRoleArn(), "for a Secrets Manager secret");
                if (serverName != null || port != null) {
                    problems.add(DefinitionProblem.of("ServerName", "with a Secrets Manager secret the host and port "
                        + "come from the secret; do not also set serverName/port"));
                }
            } else if (c instanceof Credentials.ManagedSecret m) {
                requireText(problems, "SecretName", m.secretName(), "for a managed secret");
                requireText(problems, "SecretsManagerAccessRoleArn", m.accessRoleArn(), "for a managed secret");
                requireText(problems, "Username", m.username(), "for a managed secret");
                requireText(problems, "ServerName", serverName, "for a managed secret (it becomes the secret's host)");
                if (port == null) {
                    problems.add(DefinitionProblem.of("Port", "is required for a managed secret (the secret's port)"));
                }
            }
        }

        private void checkCredentialNames(List<DefinitionProblem> problems) {
            for (Credentials c : credentials) {
                if (c instanceof Credentials.Password p) {
                    Validate.noControlCharacters(problems, "Username", given(p.username()));
                } else if (c instanceof Credentials.SecretsManagerReference r) {
                    Validate.secretId(problems, "SecretsManagerSecretId", given(r.secretId()));
                    Validate.roleArn(problems, "SecretsManagerAccessRoleArn", given(r.accessRoleArn()));
                } else if (c instanceof Credentials.ManagedSecret m) {
                    Validate.secretName(problems, "SecretName", given(m.secretName()));
                    Validate.roleArn(problems, "SecretsManagerAccessRoleArn", given(m.accessRoleArn()));
                    Validate.noControlCharacters(problems, "Username", given(m.username()));
                    Validate.kmsKey(problems, "SecretKmsKeyId", m.kmsKeyId());
                }
            }
        }

        /** {@return the value, or null when blank (a blank required value is reported as missing elsewhere)} */
        private static String given(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private static void checkPassword(List<DefinitionProblem> problems, Secret password) {
            if (password.containsAnyOf(FORBIDDEN_PASSWORD_CHARACTERS)) {
                problems.add(DefinitionProblem.of("Password", "contains a character DMS does not accept in "
                    + "passwords (one of ; . : +); the value is not shown"));
            }
        }

        private static void requireText(List<DefinitionProblem> problems, String field, String value, String when) {
            if (value == null || value.isBlank()) {
                problems.add(DefinitionProblem.of(field, "is required " + when));
            }
        }

        private void wrongFamily(List<DefinitionProblem> problems, boolean wrong, String name) {
            if (wrong) {
                problems.add(DefinitionProblem.of(name, name + " do not apply to a " + engine + " endpoint"));
            }
        }

        private static <B, T> T settings(List<DefinitionProblem> problems, B builder,
                                         java.util.function.Function<B, T> build) {
            if (builder == null) {
                return null;
            }
            try {
                return build.apply(builder);
            } catch (InvalidDefinitionException e) {
                problems.addAll(e.problems());
                return null;
            }
        }
    }
}
