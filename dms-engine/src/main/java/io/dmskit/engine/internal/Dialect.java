package io.dmskit.engine.internal;

import java.util.Locale;
import java.util.Optional;

/** The SQL engines the local engine reads from and writes to. */
enum Dialect {
    MYSQL {
        @Override
        public String quote(String identifier) {
            return '`' + identifier.replace("`", "``") + '`';
        }
    },
    POSTGRESQL {
        @Override
        public String quote(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }
    };

    /** @return the identifier quoted for this engine */
    public abstract String quote(String identifier);

    /** @return {@code "schema"."table"} quoted for this engine */
    public String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /**
     * @param engineName DMS EngineName
     * @return the dialect that speaks to it, empty for engines the local engine does not support
     */
    public static Optional<Dialect> ofEngineName(String engineName) {
        if (engineName == null) {
            return Optional.empty();
        }
        return switch (engineName.toLowerCase(Locale.ROOT)) {
            case "mysql", "mariadb", "aurora", "aurora-serverless" -> Optional.of(MYSQL);
            case "postgres", "aurora-postgresql", "aurora-postgresql-serverless" -> Optional.of(POSTGRESQL);
            default -> Optional.empty();
        };
    }
}
