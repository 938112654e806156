package io.dmskit.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What the quickstart runs against and how long it waits. Every option can be given as a command-line argument,
 * a system property or an environment variable (in that order of precedence):
 *
 * <table>
 * <caption>Quickstart options</caption>
 * <tr><th>argument</th><th>system property</th><th>environment</th><th>default</th></tr>
 * <tr><td>{@code --source=URL} (or the URL alone)</td><td>{@code dmskit.source}</td><td>{@code DMSKIT_SOURCE_URL}</td>
 *     <td>{@code embedded}: a MariaDB started by the quickstart</td></tr>
 * <tr><td>{@code --scale=N}</td><td>{@code dmskit.scale}</td><td>{@code DMSKIT_SCALE}</td><td>1 (about 31,000
 *     rows)</td></tr>
 * <tr><td>{@code --report=FILE}</td><td>{@code dmskit.report}</td><td>{@code DMSKIT_REPORT}</td>
 *     <td>{@code dmskit-report.html}</td></tr>
 * <tr><td>{@code --schema-prefix=P}</td><td>{@code dmskit.schemaPrefix}</td><td>{@code DMSKIT_SCHEMA_PREFIX}</td>
 *     <td>none for the embedded source, {@code dmskit_} on your servers</td></tr>
 * <tr><td>{@code --timeout=SECONDS}</td><td>{@code dmskit.timeout}</td><td>{@code DMSKIT_TIMEOUT}</td>
 *     <td>300 (full load) </td></tr>
 * <tr><td>{@code --probe-timeout=SECONDS}</td><td>{@code dmskit.probeTimeout}</td>
 *     <td>{@code DMSKIT_PROBE_TIMEOUT}</td><td>60</td></tr>
 * <tr><td>{@code --serverless} (or {@code --serverless=true})</td><td>{@code dmskit.serverless}</td>
 *     <td>{@code DMSKIT_SERVERLESS}</td><td>false: a replication instance and five tasks; true: five DMS
 *     Serverless replication configs</td></tr>
 * </table>
 *
 * <p>Source URLs: {@code embedded}, {@code mariadb://[user[:password]@]host[:port][/database]},
 * {@code mysql://...}, {@code postgresql://[user[:password]@]host[:port]/database}; a password may also come from
 * {@code DMSKIT_SOURCE_PASSWORD}.
 *
 * @param source {@code embedded} or a server URL
 * @param scale sample-data multiplier (1 to 1000)
 * @param report where the HTML report goes; per-task pages are written next to it
 * @param schemaPrefix prefix of the two source schemas, or null for the default of the source kind
 * @param fullLoadTimeout how long to wait for every task's full load
 * @param probeTimeout how long the CDC probe waits for each change on the target
 * @param serverless run the scenario as five DMS Serverless replication configs instead of an instance and tasks
 */
public record QuickstartOptions(String source, int scale, Path report, String schemaPrefix, Duration fullLoadTimeout,
                                Duration probeTimeout, boolean serverless) {

    /** The source value that starts an embedded MariaDB. */
    public static final String EMBEDDED = "embedded";

    /** Validates the options. */
    public QuickstartOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(fullLoadTimeout, "fullLoadTimeout");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        List<String> problems = new ArrayList<>();
        if (scale < 1 || scale > 1000) {
            problems.add("scale must be 1..1000, was " + scale);
        }
        if (schemaPrefix != null && !schemaPrefix.matches("[a-z0-9_]{0,20}")) {
            problems.add("schema prefix must be lower-case letters, digits and '_' (at most 20), was '"
                    + schemaPrefix + "'");
        }
        if (fullLoadTimeout.isNegative() || fullLoadTimeout.isZero()) {
            problems.add("timeout must be positive");
        }
        if (probeTimeout.isNegative() || probeTimeout.isZero()) {
            problems.add("probe timeout must be positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * Options of the instance-and-tasks scenario.
     *
     * @param source {@code embedded} or a server URL
     * @param scale sample-data multiplier (1 to 1000)
     * @param report where the HTML report goes
     * @param schemaPrefix prefix of the two source schemas, or null
     * @param fullLoadTimeout how long to wait for every full load
     * @param probeTimeout how long the CDC probe waits for each change
     */
    public QuickstartOptions(String source, int scale, Path report, String schemaPrefix, Duration fullLoadTimeout,
                             Duration probeTimeout) {
        this(source, scale, report, schemaPrefix, fullLoadTimeout, probeTimeout, false);
    }

    /**
     * {@return the defaults: embedded source, scale 1, {@code dmskit-report.html}, 300 s / 60 s}
     */
    public static QuickstartOptions defaults() {
        return new QuickstartOptions(EMBEDDED, 1, Path.of("dmskit-report.html"), null, Duration.ofSeconds(300),
                Duration.ofSeconds(60));
    }

    /**
     * {@return whether the quickstart starts its own MariaDB}
     */
    public boolean embedded() {
        return EMBEDDED.equalsIgnoreCase(source.trim());
    }

    /**
     * {@return the schema prefix in effect: the given one, else none when embedded and {@code dmskit_} otherwise}
     */
    public String effectiveSchemaPrefix() {
        if (schemaPrefix != null) {
            return schemaPrefix;
        }
        return embedded() ? "" : "dmskit_";
    }

    /**
     * {@return options with the change}
     *
     * @param change applied to a mutable copy
     */
    public QuickstartOptions with(Consumer<Mutable> change) {
        Mutable m = new Mutable(this);
        change.accept(m);
        return m.build();
    }

    /**
     * Reads options from arguments, then system properties, then the environment.
     *
     * @param args command-line arguments
     * @param properties system properties
     * @param env environment variables
     * @return the options
     * @throws IllegalArgumentException naming the unknown or malformed argument
     */
    public static QuickstartOptions parse(String[] args, Properties properties, Map<String, String> env) {
        Mutable m = new Mutable(defaults());
        String[][] keys = {
            {"source", "dmskit.source", "DMSKIT_SOURCE_URL"},
            {"scale", "dmskit.scale", "DMSKIT_SCALE"},
            {"report", "dmskit.report", "DMSKIT_REPORT"},
            {"schema-prefix", "dmskit.schemaPrefix", "DMSKIT_SCHEMA_PREFIX"},
            {"timeout", "dmskit.timeout", "DMSKIT_TIMEOUT"},
            {"probe-timeout", "dmskit.probeTimeout", "DMSKIT_PROBE_TIMEOUT"},
            {"serverless", "dmskit.serverless", "DMSKIT_SERVERLESS"},
        };
        for (String[] k : keys) {
            String v = env.get(k[2]);
            if (v != null && !v.isBlank()) {
                m.set(k[0], v, "environment variable " + k[2]);
            }
        }
        for (String[] k : keys) {
            String v = properties.getProperty(k[1]);
            if (v != null && !v.isBlank()) {
                m.set(k[0], v, "system property " + k[1]);
            }
        }
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (arg.equals("--serverless")) {
                m.serverless(true);
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("argument '" + arg + "' needs a value: " + arg + "=...");
                }
                m.set(arg.substring(2, eq), arg.substring(eq + 1), "argument " + arg.substring(0, eq));
            } else {
                m.set("source", arg, "argument " + arg);
            }
        }
        return m.build();
    }

    /**
     * {@return the usage text}
     */
    public static String usage() {
        return """
                Usage: Quickstart [--source=embedded|mariadb://host:port|mysql://...|postgresql://user@host:port/db]
                                  [--scale=N] [--report=FILE] [--schema-prefix=P] [--timeout=S] [--probe-timeout=S]
                                  [--serverless]
                  or set -Ddmskit.source=... / DMSKIT_SOURCE_URL=... (and dmskit.scale, dmskit.report, ...)
                Runs the DMS configuration guide's scenario offline: sample e-commerce data in a real SQL source,
                a FakeDms pipeline (Secrets Manager credentials, five S3 targets, five full-load-and-cdc tasks)
                replicated by the local engine into an in-process S3, verified row by row count and by a CDC probe.
                Exit code 0 when every table matches and the probe was seen.""";
    }

    /** A mutable copy, for {@link #with(Consumer)} and parsing. */
    public static final class Mutable {
        private String source;
        private int scale;
        private Path report;
        private String schemaPrefix;
        private Duration fullLoadTimeout;
        private Duration probeTimeout;
        private boolean serverless;

        Mutable(QuickstartOptions o) {
            source = o.source;
            scale = o.scale;
            report = o.report;
            schemaPrefix = o.schemaPrefix;
            fullLoadTimeout = o.fullLoadTimeout;
            probeTimeout = o.probeTimeout;
            serverless = o.serverless;
        }

        /**
         * Sets {@code serverless}: run as DMS Serverless replication configs.
         *
         * @param v run as DMS Serverless replication configs
         * @return this
         */
        public Mutable serverless(boolean v) {
            serverless = v;
            return this;
        }

        /**
         * Sets {@code source}: source.
         *
         * @param v source
         * @return this
         */
        public Mutable source(String v) {
            source = v;
            return this;
        }

        /**
         * Sets {@code scale}: scale.
         *
         * @param v scale
         * @return this
         */
        public Mutable scale(int v) {
            scale = v;
            return this;
        }

        /**
         * Sets {@code report}: report file.
         *
         * @param v report file
         * @return this
         */
        public Mutable report(Path v) {
            report = v;
            return this;
        }

        /**
         * Sets {@code schemaPrefix}: schema prefix.
         *
         * @param v schema prefix
         * @return this
         */
        public Mutable schemaPrefix(String v) {
            schemaPrefix = v;
            return this;
        }

        /**
         * Sets {@code fullLoadTimeout}: full-load timeout.
         *
         * @param v full-load timeout
         * @return this
         */
        public Mutable fullLoadTimeout(Duration v) {
            fullLoadTimeout = v;
            return this;
        }

        /**
         * Sets {@code probeTimeout}: CDC probe timeout.
         *
         * @param v CDC probe timeout
         * @return this
         */
        public Mutable probeTimeout(Duration v) {
            probeTimeout = v;
            return this;
        }

        void set(String key, String value, String where) {
            try {
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "source" -> source = value.trim();
                    case "scale" -> scale = Integer.parseInt(value.trim());
                    case "report" -> report = Path.of(value.trim());
                    case "schema-prefix" -> schemaPrefix = value.trim();
                    case "timeout" -> fullLoadTimeout = seconds(value);
                    case "probe-timeout" -> probeTimeout = seconds(value);
                    case "serverless" -> serverless = bool(value, where);
                    default -> throw new IllegalArgumentException("unknown option " + where + "; known: --source, "
                            + "--scale, --report, --schema-prefix, --timeout, --probe-timeout, --serverless");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": '" + value + "' is not a whole number", e);
            }
        }

        private static boolean bool(String value, String where) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(where + ": '" + value + "' is neither true nor false");
            }
            return v.equals("true");
        }

        private static Duration seconds(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.endsWith("s")) {
                v = v.substring(0, v.length() - 1);
            }
            return Duration.ofSeconds(Long.parseLong(v));
        }

        QuickstartOptions build() {
            return new QuickstartOptions(source, scale, report, schemaPrefix, fullLoadTimeout, probeTimeout,
                    serverless);
        }
    }
}
