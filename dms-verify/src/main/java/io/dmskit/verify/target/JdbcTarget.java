package io.dmskit.verify.target;

import io.dmskit.verify.internal.Checks;
import javax.sql.DataSource;

/**
 * A database target endpoint (PostgreSQL, MySQL, MariaDB) reached through a {@link DataSource}; tables are counted
 * exactly under their target schema and name.
 */
public final class JdbcTarget implements Target {

    private final DataSource dataSource;
    private final String description;

    private JdbcTarget(DataSource dataSource, String description) {
        this.dataSource = Checks.require(dataSource, "dataSource", "JdbcTarget.of");
        this.description = description == null ? "jdbc target" : description;
    }

    /**
     * {@return the target}
     *
     * @param dataSource connections to the target database
     * @throws io.dmskit.core.exception.InvalidDefinitionException when dataSource is null
     */
    public static JdbcTarget of(DataSource dataSource) {
        return new JdbcTarget(dataSource, null);
    }

    /**
     * {@return the target}
     *
     * @param dataSource connections to the target database
     * @param description how the target is shown in reports (e.g. {@code postgresql://warehouse}); never put a
     *                    password here
     * @throws io.dmskit.core.exception.InvalidDefinitionException when dataSource is null
     */
    public static JdbcTarget of(DataSource dataSource, String description) {
        return new JdbcTarget(dataSource, description);
    }

    /** {@return the data source} */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "JdbcTarget{" + description + "}";
    }
}
