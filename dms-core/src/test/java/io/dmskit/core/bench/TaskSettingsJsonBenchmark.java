package io.dmskit.core.bench;

import io.dmskit.testsupport.MemoryProbe;
import io.dmskit.core.TaskSettings;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Not a test: measures {@code TaskSettings.fromJson} + {@code toJson} + {@code sameMeaning} + {@code differencesFrom}
 * on hostile document classes at 1, 4 and 16 MB and prints, per class and size, milliseconds per MB (best of three),
 * bytes allocated per input byte and the peak heap retained while it runs (per input byte and in MB), to show that
 * time and memory stay linear in the input with a small constant (no number expansion, no quadratic parsing, no
 * per-bracket bookkeeping). Run with a modest heap; a size that does not fit prints {@code OutOfMemoryError}:
 *
 * <pre>
 * ./mvnw -B -q -o -pl dms-core -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp dms-core/target/test-classes:dms-core/target/classes:$(cat dms-core/target/cp.txt) \
 *     io.dmskit.core.bench.TaskSettingsJsonBenchmark [sizes in MB, default 1,4,16] [class name word]
 * </pre>
 */
public final class TaskSettingsJsonBenchmark {

    private TaskSettingsJsonBenchmark() {
    }

    /**
     * @param args optional: the sizes in MB, comma-separated (default {@code 1,4,16}); then optionally a word that
     *     picks the input classes whose name contains it (e.g. {@code nesting})
     */
    public static void main(String[] args) {
        int[] sizes = java.util.Arrays.stream((args.length > 0 ? args[0] : "1,4,16").split(","))
            .mapToInt(Integer::parseInt).toArray();
        Map<String, IntFunction<String>> classes = new LinkedHashMap<>();
        classes.put("huge exponents (1e999999999) as members", mb -> members(mb, i -> "1e99999999" + (i % 10)));
        classes.put("1000-digit integers as members", mb -> members(mb, i -> "9".repeat(999) + (i % 10)));
        classes.put("digit strings of 900 characters",
            mb -> members(mb, i -> "\"" + "7".repeat(899) + (i % 10) + "\""));
        classes.put("one long string member", mb -> "{\"X\":{\"s\":\"" + "a".repeat(mb << 20) + "\"}}");
        classes.put("nesting 190 deep, repeated", mb -> members(mb, i -> "[".repeat(190) + "1" + "]".repeat(190)));
        classes.put("typed section members of the wrong type", mb -> {
            StringBuilder s = new StringBuilder("{\"FullLoadSettings\":{");
            for (int i = 0; s.length() < (mb << 20); i++) {
                s.append("\"M").append(i).append("\":\"lots\",");
            }
            return s.append("\"MaxFullLoadSubTasks\":\"many\"}}").toString();
        });
        System.out.printf(Locale.ROOT, "max heap %d MB; per row: parse + serialize + compare (fromJson, toJson, "
            + "sameMeaning, differencesFrom)%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%-42s %4s %8s %10s %9s %8s%n", "input class", "MB", "ms/MB", "alloc B/B",
            "peak B/B", "peak MB");
        for (Map.Entry<String, IntFunction<String>> c : classes.entrySet()) {
            if (args.length > 1 && !c.getKey().contains(args[1])) {
                continue;
            }
            run(c.getValue().apply(1)); // warm-up
            for (int mb : sizes) {
                System.out.printf(Locale.ROOT, "%-42s %4d %s%n", c.getKey(), mb, measure(c.getValue(), mb));
            }
        }
    }

    private static String measure(IntFunction<String> generator, int mb) {
        try {
            String doc = generator.apply(mb);
            double size = doc.length(); // one byte per character: the documents are ASCII
            long best = Long.MAX_VALUE;
            long allocated = 0;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                allocated = MemoryProbe.allocated(() -> run(doc));
                best = Math.min(best, System.nanoTime() - t0);
            }
            long peak = MemoryProbe.peakRetained(() -> run(doc));
            return String.format(Locale.ROOT, "%8.1f %10.1f %9.1f %8.1f", best / 1e6 / (size / (1 << 20)),
                allocated / size, peak / size, peak / (double) (1 << 20));
        } catch (OutOfMemoryError e) {
            return "OutOfMemoryError";
        }
    }

    private static String members(int mb, IntFunction<String> value) {
        StringBuilder s = new StringBuilder("{\"X\":{");
        for (int i = 0; s.length() < (mb << 20); i++) {
            s.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":").append(value.apply(i));
        }
        return s.append("}}").toString();
    }

    private static void run(String doc) {
        try {
            TaskSettings s = TaskSettings.fromJson(doc);
            String json = s.toJson();
            if (!TaskSettings.sameMeaning(doc, json) || !s.differencesFrom(json).isEmpty()) {
                throw new AssertionError("round trip changed the meaning");
            }
        } catch (InvalidDefinitionException e) {
            // a typed refusal is an answer too
        }
    }
}
