package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

/**
 * The fuzz contract in the normal build: real documents of the shared corpus (read at test time from
 * {@link CorpusTest#CORPUS}; the module's fixtures when it is absent), mutated with hostile numbers, deep nesting,
 * long strings, duplicate keys, unicode, truncation, type swaps, key removal and byte flips, go through parse (strict
 * and lenient), validate, serialize, compare and resolve: only {@link InvalidTableMappingsException} escapes and
 * every readable document round-trips. {@link MappingsFuzzRun} is the same with 200,000 inputs.
 */
class MappingsFuzzProperties {
    private static final List<String> SEEDS = MappingsFuzz.seeds();

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    @Label("a mutated real document is read and round-trips, or is rejected with a typed error; nothing else escapes")
    void mutatedCorpusDocumentsKeepTheContract(@ForAll long seed) {
        Random rnd = new Random(seed);
        String input = MappingsFuzz.mutate(SEEDS.get(rnd.nextInt(SEEDS.size())), rnd, 10_000);
        Optional<MappingsFuzz.Violation> v = MappingsFuzz.violation(input);
        if (v.isPresent()) {
            String minimal = MappingsFuzz.shrink(input, v.get().kind, 3000);
            throw new AssertionError(v.get().getMessage() + "\nminimised reproducer: "
                    + MappingsFuzz.javaExpression(minimal), v.get());
        }
    }

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    @Label("every seed document itself keeps the contract")
    void seedsKeepTheContract(@ForAll("index") int i) {
        assertThat(MappingsFuzz.violation(SEEDS.get(i % SEEDS.size()))).isEmpty();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> index() {
        return net.jqwik.api.Arbitraries.integers().between(0, SEEDS.size() - 1);
    }
}
