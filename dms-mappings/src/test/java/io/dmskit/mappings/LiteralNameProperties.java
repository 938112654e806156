package io.dmskit.mappings;

import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Wildcards#literal(String)} makes a pattern that matches its name and no other. */
class LiteralNameProperties {

    @Property(tries = 3000)
    @Label("resolve: a rule on literal(schema).literal(table) selects and renames exactly that table")
    void resolveMatchesExactlyTheLiteralName(@ForAll("names") String schema, @ForAll("names") String tableName,
                                             @ForAll("names") String otherSchema, @ForAll("names") String otherTable) {
        TableMappings m = TableMappings.builder()
                .rule(include(Wildcards.literal(schema), Wildcards.literal(tableName)))
                .rule(table(Wildcards.literal(schema), Wildcards.literal(tableName)).addPrefix("x_"))
                .build();
        TableResolution same = m.resolve(schema, tableName);
        assertThat(same.included()).isTrue();
        assertThat(same.targetTable()).isEqualTo("x_" + tableName);
        boolean identical = schema.equals(otherSchema) && tableName.equals(otherTable);
        assertThat(m.resolve(otherSchema, otherTable).included()).isEqualTo(identical);
    }

    @Property(tries = 3000)
    @Label("matches(literal(name), other) is true exactly when other equals name")
    void literalMatchesOnlyItself(@ForAll("names") String name, @ForAll("names") String other) {
        assertThat(Wildcards.matches(Wildcards.literal(name), name)).isTrue();
        assertThat(Wildcards.matches(Wildcards.literal(name), other)).isEqualTo(name.equals(other));
    }

    /** Short names over an alphabet rich in wildcard characters, so that near misses are common. */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("ab_%[]^-").ofMinLength(1).ofMaxLength(5);
    }
}
