package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testsupport.HostileApiSweep;
import java.lang.reflect.Method;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Hostile values through every public static factory, constructor, DSL step, rule builder and value of dms-mappings,
 * found by reflection ({@link HostileApiSweep}): only {@link InvalidTableMappingsException} may escape, and
 * {@code toString()} never throws.
 */
@Label("dms-mappings: hostile values through every public factory, DSL step and builder")
class HostileApiProperties {

    static final List<Class<?>> API_CLASSES = HostileApiSweep.apiClasses(TableMappings.class, "io.dmskit.mappings");

    static HostileApiSweep sweep() {
        return new HostileApiSweep(new HostileApiSweep.Config("io.dmskit.mappings",
            API_CLASSES,
            t -> t instanceof InvalidTableMappingsException,
            HostileApiProperties::extra,
            HostileApiProperties::skip));
    }

    static List<Object> extra(Class<?> type) {
        if (type == TableMappings.class) {
            return List.of(TableMappings.builder().rule(Rules.include("s", "%")).build());
        }
        return null;
    }

    static boolean skip(Method m) {
        return false;
    }

    @Example
    @Label("every factory and every method reachable from it, one hostile argument at a time")
    void everyEntryPointEveryHostileValue() {
        HostileApiSweep s = sweep();
        s.sweepAll();
        assertThat(s.violations()).as(s.report()).isEmpty();
        assertThat(s.calls()).isGreaterThan(5_000);
    }

    @Example
    @Label("every method of built mappings and of resolutions (strict and lenient), one hostile argument at a time")
    void everyMethodOfBuiltValues() {
        HostileApiSweep s = sweep();
        TableMappings rich = TableMappings.builder()
            .rule(Rules.include("hr", "%"))
            .rule(Rules.include("hr", "employees").where("region", FilterCondition.eq("EU"), FilterCondition.between("a", "b")))
            .rule(Rules.table("%", "%").addPrefix("p_"))
            .rule(Rules.column("hr", "%", "ssn").dataMaskingHashMask())
            .rule(Rules.addColumn("%", "%", "op", io.dmskit.mappings.transformation.DataType.string(10))
                .expression("$AR_H_OPERATION"))
            .build();
        s.sweepObject(rich, "TableMappings");
        s.sweepObject(rich.resolve("hr", "employees"), "TableResolution");
        s.sweepObject(TableMappings.fromJsonLenient("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
            + "\"rule-name\":\"1\",\"object-locator\":{\"schema-name\":\"s\",\"table-name\":\"t\"},"
            + "\"rule-action\":\"include\",\"filters\":[{\"filter-type\":\"source\",\"column-name\":\"c\","
            + "\"filter-conditions\":[{\"filter-operator\":\"like\",\"value\":\"x\"}]}]}]}")
            .resolve("s", "t"), "lenient TableResolution");
        assertThat(s.violations()).as(s.report()).isEmpty();
        assertThat(s.calls()).isGreaterThan(500);
    }

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(2).ofMaxSize(24);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    @Label("random chains of hostile calls from a random factory, then every use of the result")
    void randomChains(@ForAll("choices") List<Integer> choices) {
        HostileApiSweep s = sweep();
        s.chain(choices);
        assertThat(s.violations()).as(s.report()).isEmpty();
    }
}
