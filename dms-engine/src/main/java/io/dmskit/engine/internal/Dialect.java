package io.dmskit.engine.internal;

import io.dmskit.mappings.SqlDialect;
import io.dmskit.model.DmsEngine;
import java.util.Optional;

/** The SQL engines the local engine reads from and writes to. */
enum Dialect {
    MYSQL(SqlDialect.MYSQL),
    POSTGRESQL(SqlDialect.POSTGRESQL);

    private final SqlDialect sql;

    Dialect(SqlDialect sql) {
        this.sql = sql;
    }

    /** @return the identifier quoted for this engine (dms-mappings' {@link SqlDialect}, as everywhere in dmskit) */
    public String quote(String identifier) {
        return sql.quoteIdentifier(identifier);
    }

    /** @return {@code "schema"."table"} quoted for this engine */
    public String qualified(String schema, String table) {
        return sql.qualified(schema, table);
    }

    /**
     * @param engineName DMS EngineName
     * @return the dialect that speaks to it, empty for engines the local engine does not support
     */
    public static Optional<Dialect> ofEngineName(String engineName) {
        return DmsEngine.find(engineName).flatMap(e -> switch (e.family()) {
            case MYSQL -> Optional.of(MYSQL);
            case POSTGRESQL -> Optional.of(POSTGRESQL);
            default -> Optional.empty();
        });
    }
}
