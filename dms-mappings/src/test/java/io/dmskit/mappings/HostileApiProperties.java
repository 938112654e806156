package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;

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

    static HostileApiSweep sweep() {
        return new HostileApiSweep(new HostileApiSweep.Config("io.dmskit.mappings",
            HostileApiSweep.apiClasses(TableMappings.class, "io.dmskit.mappings"),
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
        assertThat(s.violations).as(s.report()).isEmpty();
        assertThat(s.calls).isGreaterThan(5_000);
    }

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(2).ofMaxSize(24);
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    @Label("random chains of hostile calls from a random factory, then every use of the result")
    void randomChains(@ForAll("choices") List<Integer> choices) {
        HostileApiSweep s = sweep();
        s.chain(choices);
        assertThat(s.violations).as(s.report()).isEmpty();
    }
}
