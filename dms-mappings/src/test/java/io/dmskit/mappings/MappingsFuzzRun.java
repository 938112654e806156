package io.dmskit.mappings;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The long fuzz run, a benchmark-style command rather than a unit test (skipped unless
 * {@code dmskit.fuzz.inputs} is set):
 *
 * <pre>
 * ./mvnw -B -o -q -pl dms-mappings -am test -Dtest=MappingsFuzzRun -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddmskit.fuzz.inputs=200000 -Ddmskit.fuzz.seed=1
 * </pre>
 *
 * <p>Prints inputs per second, the count of each outcome, the five slowest inputs (each with its seed and the step
 * of the contract that took longest: {@code resolve}, {@code validate}, {@code sameMeaningAs}...), and for each kind
 * of violation the input's seed and a minimised reproducer as a Java expression; the same report is written to
 * {@code dms-mappings/target/fuzz-run.txt}. Fails when any violation was found. {@code -Ddmskit.fuzz.replay=<input
 * seed>} (with {@code -Dtest=MappingsFuzzRun#replay}) re-creates one input, checks and times it (five times, with
 * the slowest steps of each) and prints it.
 */
class MappingsFuzzRun {
    /** How many of the slowest inputs the run reports. */
    private static final int SLOWEST = 5;

    /** One slow input: its time, seed, length, and the step of the contract that took longest. */
    private record Slow(long nanos, long seed, int length, String step, long stepNanos) {
    }

    @Test
    @DisplayName("replays one input of a fuzz run (set -Ddmskit.fuzz.replay=<input seed>)")
    void replay() {
        String replay = System.getProperty("dmskit.fuzz.replay");
        assumeTrue(replay != null, "set -Ddmskit.fuzz.replay=<input seed> to replay one input");
        String input = input(MappingsFuzz.seeds(), Long.parseLong(replay));
        for (int k = 0; k < 5; k++) {
            long t0 = System.nanoTime();
            Object outcome;
            MappingsFuzz.StageTimes times = new MappingsFuzz.StageTimes();
            try {
                outcome = MappingsFuzz.check(input, times);
            } catch (MappingsFuzz.Violation v) {
                outcome = v.getMessage();
            }
            System.out.printf(Locale.ROOT, "input seed %s: %s in %.1f ms (slowest steps: %s)%n", replay, outcome,
                    (System.nanoTime() - t0) / 1e6, times.top(4));
        }
        String shown = MappingsFuzz.javaExpression(input);
        System.out.println(shown.length() > 3000 ? shown.substring(0, 3000) + "..." : shown);
    }

    /** @return the input a run makes from one input seed: the same mutation path for the run and for a replay */
    private static String input(List<String> seeds, long inputSeed) {
        Random rnd = new Random(inputSeed);
        int maxLong = rnd.nextInt(200) == 0 ? 1_000_000 : 4_000; // now and then a megabyte
        return MappingsFuzz.mutate(seeds.get(rnd.nextInt(seeds.size())), rnd, maxLong);
    }

    @Test
    @DisplayName("long fuzz run over the mutated shared corpus (set -Ddmskit.fuzz.inputs)")
    void run() throws IOException {
        String inputs = System.getProperty("dmskit.fuzz.inputs");
        assumeTrue(inputs != null, "set -Ddmskit.fuzz.inputs=200000 to run the long fuzz run");
        int n = Integer.parseInt(inputs);
        long seed = Long.parseLong(System.getProperty("dmskit.fuzz.seed", "1"));
        List<String> seeds = MappingsFuzz.seeds();
        Map<MappingsFuzz.Outcome, Integer> outcomes = new EnumMap<>(MappingsFuzz.Outcome.class);
        Map<String, String[]> violations = new LinkedHashMap<>();
        int violating = 0;
        long bytes = 0;
        List<Slow> slowest = new ArrayList<>(); // the SLOWEST slowest inputs, slowest first
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long inputSeed = seed * 1_000_003L + i;
            String input = input(seeds, inputSeed);
            bytes += input.length();
            long t0 = System.nanoTime();
            MappingsFuzz.StageTimes times = new MappingsFuzz.StageTimes();
            try {
                outcomes.merge(MappingsFuzz.check(input, times), 1, Integer::sum);
            } catch (MappingsFuzz.Violation v) {
                violating++;
                violations.computeIfAbsent(v.kind, k -> new String[] {Long.toString(inputSeed),
                        MappingsFuzz.javaExpression(MappingsFuzz.shrink(input, k, 5000)), v.getMessage()});
            }
            long took = System.nanoTime() - t0;
            if (slowest.size() < SLOWEST || took > slowest.get(slowest.size() - 1).nanos) {
                String step = times.slowest();
                slowest.add(new Slow(took, inputSeed, input.length(), step, times.nanos(step)));
                slowest.sort(Comparator.comparingLong(Slow::nanos).reversed());
                if (slowest.size() > SLOWEST) {
                    slowest.remove(SLOWEST);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "dms-mappings fuzz run: %d inputs (seed %d, %d seed documents, %d from the "
                + "shared corpus) in %.1f s = %.0f inputs/s, %.1f MB of input%n", n, seed, seeds.size(),
                MappingsFuzz.corpusSize(seeds), seconds, n / seconds, bytes / 1e6));
        for (MappingsFuzz.Outcome o : MappingsFuzz.Outcome.values()) {
            r.append(String.format(Locale.ROOT, "  %-13s %7d%n", o, outcomes.getOrDefault(o, 0)));
        }
        r.append(String.format(Locale.ROOT, "  %-13s %7d (%d kinds)%n", "VIOLATION", violating, violations.size()));
        for (Slow slow : slowest) {
            r.append(String.format(Locale.ROOT, "  slow input: %.1f ms, %d chars (input seed %d), slowest step %s "
                    + "%.1f ms%n", slow.nanos / 1e6, slow.length, slow.seed, slow.step, slow.stepNanos / 1e6));
        }
        violations.forEach((kind, v) -> r.append("VIOLATION ").append(kind).append(" (input seed ").append(v[0])
                .append(")\n  ").append(v[2].length() > 500 ? v[2].substring(0, 500) + "..." : v[2])
                .append("\n  minimised reproducer: ").append(v[1]).append('\n'));
        System.out.print(r);
        Path out = Path.of("target", "fuzz-run.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, r, StandardCharsets.UTF_8);
        if (!violations.isEmpty()) {
            throw new AssertionError(r.toString());
        }
    }
}
