package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SqlDialect quotes identifiers the one way every module uses")
class SqlDialectTest {

    @Test
    @DisplayName("MySQL back-quotes and doubles back-quotes; PostgreSQL double-quotes and doubles double quotes")
    void quotesIdentifiers() {
        assertThat(SqlDialect.MYSQL.quoteIdentifier("order`s")).isEqualTo("`order``s`");
        assertThat(SqlDialect.POSTGRESQL.quoteIdentifier("order\"s")).isEqualTo("\"order\"\"s\"");
        assertThat(SqlDialect.MYSQL.qualified("sales", "orders")).isEqualTo("`sales`.`orders`");
        assertThat(SqlDialect.POSTGRESQL.qualified("Sales", "my table")).isEqualTo("\"Sales\".\"my table\"");
        assertThatThrownBy(() -> SqlDialect.MYSQL.quoteIdentifier(null)).isInstanceOf(InvalidTableMappingsException.class)
                .hasMessageContaining("identifier");
    }

    @Test
    @DisplayName("source filters render column names with the same quoting")
    void filtersUseTheSameQuoting() {
        TableMappings m = TableMappings.fromJson("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
                + "\"rule-name\":\"1\",\"object-locator\":{\"schema-name\":\"s\",\"table-name\":\"t\"},"
                + "\"rule-action\":\"include\",\"filters\":[{\"filter-type\":\"source\",\"column-name\":\"re`gion\","
                + "\"filter-conditions\":[{\"filter-operator\":\"eq\",\"value\":\"EU\"}]}]}]}");
        assertThat(m.resolve("s", "t").sqlPredicate(SqlDialect.MYSQL)).hasValueSatisfying(
                p -> assertThat(p).contains(SqlDialect.MYSQL.quoteIdentifier("re`gion")));
    }
}
