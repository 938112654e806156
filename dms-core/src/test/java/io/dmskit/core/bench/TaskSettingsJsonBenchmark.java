package io.dmskit.core.bench;

import io.dmskit.core.TaskSettings;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Not a test: measures {@code TaskSettings.fromJson} + {@code toJson} + {@code sameMeaning} + {@code differencesFrom}
 * on hostile document classes at 1, 4 and 16 MB and prints milliseconds per MB, to show the cost stays linear in the
 * input (no number expansion, no quadratic parsing). Run:
 *
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -pl dms-core -Dexec.mainClass=io.dmskit.core.bench.TaskSettingsJsonBenchmark \
 *     -Dexec.classpathScope=test
 * </pre>
 */
public final class TaskSettingsJsonBenchmark {

    private TaskSettingsJsonBenchmark() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        Map<String, IntFunction<String>> classes = new LinkedHashMap<>();
        classes.put("huge exponents (1e999999999) as members", mb -> members(mb, i -> "1e99999999" + (i % 10)));
        classes.put("1000-digit integers as members", mb -> members(mb, i -> "9".repeat(999) + (i % 10)));
        classes.put("digit strings of 900 characters", mb -> members(mb, i -> "\"" + "7".repeat(899) + (i % 10) + "\""));
        classes.put("one long string member", mb -> "{\"X\":{\"s\":\"" + "a".repeat(mb << 20) + "\"}}");
        classes.put("nesting 190 deep, repeated", mb -> members(mb, i -> "[".repeat(190) + "1" + "]".repeat(190)));
        classes.put("typed section members of the wrong type", mb -> {
            StringBuilder s = new StringBuilder("{\"FullLoadSettings\":{");
            for (int i = 0; s.length() < (mb << 20); i++) {
                s.append("\"M").append(i).append("\":\"lots\",");
            }
            return s.append("\"MaxFullLoadSubTasks\":\"many\"}}").toString();
        });
        System.out.printf(Locale.ROOT, "%-45s %8s %8s %8s   (ms per MB: parse+serialize+compare)%n", "input class",
            "1 MB", "4 MB", "16 MB");
        for (Map.Entry<String, IntFunction<String>> c : classes.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-45s", c.getKey()));
            run(c.getValue().apply(1)); // warm-up
            for (int mb : new int[] {1, 4, 16}) {
                String doc = c.getValue().apply(mb);
                long best = Long.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    run(doc);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                line.append(String.format(Locale.ROOT, " %8.1f", best / 1e6 / (doc.length() / (double) (1 << 20))));
            }
            System.out.println(line);
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
