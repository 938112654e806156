package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testsupport.HostileApiSweep;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Hostile values through dms-engine's public configuration ({@link LocalReplicationEngine#builder()},
 * {@link LocalReplicationEngine#create}, {@code toBuilder()}, {@link LocalEngineProvider}), found by reflection
 * ({@link HostileApiSweep}): only the documented {@link IllegalArgumentException} (every invalid setting, from
 * {@code build()}) may escape, and {@code toString()} never throws. Replication itself ({@code start},
 * {@code testConnection}, {@code listSchemas}) is exercised against real databases by the other tests.
 */
@Label("dms-engine: hostile values through the engine's public configuration")
class HostileApiProperties {

    static final Set<String> NOT_CONFIGURATION = Set.of("start", "testConnection", "listSchemas", "close");

    static HostileApiSweep sweep() {
        return new HostileApiSweep(new HostileApiSweep.Config("io.dmskit.engine",
            List.of(LocalReplicationEngine.class, LocalEngineProvider.class, CdcMode.class),
            t -> t instanceof IllegalArgumentException,
            type -> type == java.util.concurrent.ExecutorService.class
                ? java.util.Arrays.asList(java.util.concurrent.ForkJoinPool.commonPool(), null) : null,
            HostileApiProperties::skip));
    }

    static boolean skip(Method m) {
        return NOT_CONFIGURATION.contains(m.getName());
    }

    @Example
    @Label("every factory and builder setter, one hostile argument at a time")
    void everyEntryPointEveryHostileValue() {
        HostileApiSweep s = sweep();
        s.sweepAll();
        s.sweepObject(LocalReplicationEngine.builder(), "LocalReplicationEngine.builder()");
        s.sweepObject(new LocalEngineProvider(), "LocalEngineProvider");
        assertThat(s.violations()).as(s.report()).isEmpty();
        assertThat(s.calls()).isGreaterThan(100);
    }

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(2).ofMaxSize(24);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    @Label("random chains of hostile calls from a random factory, then every use of the result")
    void randomChains(@ForAll("choices") List<Integer> choices) {
        HostileApiSweep s = sweep();
        s.chain(choices);
        assertThat(s.violations()).as(s.report()).isEmpty();
    }
}
