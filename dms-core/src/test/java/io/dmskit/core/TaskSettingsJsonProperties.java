package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.settings.ErrorPolicy;
import io.dmskit.core.settings.LogComponent;
import io.dmskit.core.settings.LogSeverity;
import io.dmskit.core.settings.TargetTablePrepMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutates valid task-settings documents (our builders' output and a document shaped like DMS's echo) with the
 * hostile shapes of issue 15 — truncation, huge exponents, deep nesting, duplicate keys, wrong types, control
 * characters, unicode, long numbers — and checks that {@code fromJson}, {@code toJson}, {@code differencesFrom} and
 * {@code sameMeaning} either answer or fail with {@link InvalidDefinitionException}, and that whatever is read
 * survives its own round trip.
 */
@Label("TaskSettings JSON: hostile documents answer or fail typed; what is read round-trips")
class TaskSettingsJsonProperties {

    static final String ECHO_LIKE = """
        {"TargetMetadata":{"TargetSchema":"","SupportLobs":true,"FullLobMode":false,"LobChunkSize":0,
        "LimitedSizeLobMode":true,"LobMaxSize":32,"InlineLobMaxSize":0,"LoadMaxFileSize":0,"ParallelLoadThreads":0,
        "ParallelLoadBufferSize":0,"BatchApplyEnabled":false,"TaskRecoveryTableEnabled":false,
        "ParallelLoadQueuesPerThread":0,"ParallelApplyThreads":0,"ParallelApplyBufferSize":0,
        "ParallelApplyQueuesPerThread":0},
        "FullLoadSettings":{"TargetTablePrepMode":"DROP_AND_CREATE","CreatePkAfterFullLoad":false,
        "StopTaskCachedChangesApplied":false,"StopTaskCachedChangesNotApplied":false,"MaxFullLoadSubTasks":8,
        "TransactionConsistencyTimeout":600,"CommitRate":10000},
        "Logging":{"EnableLogging":true,"EnableLogContext":false,"LogComponents":[
        {"Id":"SOURCE_UNLOAD","Severity":"LOGGER_SEVERITY_DEFAULT"},
        {"Id":"TARGET_LOAD","Severity":"LOGGER_SEVERITY_INFO"}],
        "CloudWatchLogGroup":"dms-tasks-ri","CloudWatchLogStream":"dms-task-ABC"},
        "ControlTablesSettings":{"ControlSchema":"","HistoryTimeslotInMinutes":5,"HistoryTableEnabled":false,
        "SuspendedTablesTableEnabled":false,"StatusTableEnabled":false},
        "StreamBufferSettings":{"StreamBufferCount":3,"StreamBufferSizeInMB":8,"CtrlStreamBufferSizeInMB":5},
        "ChangeProcessingDdlHandlingPolicy":{"HandleSourceTableDropped":true,"HandleSourceTableTruncated":true,
        "HandleSourceTableAltered":true},
        "ErrorBehavior":{"DataErrorPolicy":"LOG_ERROR","DataTruncationErrorPolicy":"LOG_ERROR",
        "DataErrorEscalationPolicy":"SUSPEND_TABLE","DataErrorEscalationCount":0,"RecoverableErrorCount":-1,
        "RecoverableErrorInterval":5,"RecoverableErrorThrottling":true,"RecoverableErrorThrottlingMax":1800},
        "ChangeProcessingTuning":{"BatchApplyPreserveTransaction":true,"BatchApplyTimeoutMin":1,
        "BatchApplyTimeoutMax":30,"BatchApplyMemoryLimit":500,"BatchSplitSize":0,"MinTransactionSize":1000,
        "CommitTimeout":1,"MemoryLimitTotal":1024,"MemoryKeepTime":60,"StatementCacheSize":50},
        "ValidationSettings":{"EnableValidation":false,"ValidationMode":"ROW_LEVEL","ThreadCount":5,
        "PartitionSize":10000,"FailureMaxCount":10000},
        "LoopbackPreventionSettings":null,"CharacterSetSettings":null,"FailTaskWhenCleanTaskResourceFailed":false,
        "PostProcessingRules":null}""";

    static List<String> seeds() {
        TaskSettings built = TaskSettings.builder()
            .targetMetadata(t -> t.targetSchema("lake").supportLobs(true).limitedSizeLobMode(true).lobMaxSize(64))
            .fullLoadSettings(f -> f.targetTablePrepMode(TargetTablePrepMode.DO_NOTHING).maxFullLoadSubTasks(16))
            .logging(l -> l.enableLogging(true).logComponent(LogComponent.SOURCE_CAPTURE, LogSeverity.DEBUG)
                .otherField("Extra", Map.of("a", List.of(1, "two", true))))
            .errorBehavior(e -> e.dataErrorPolicy(ErrorPolicy.LOG_ERROR).recoverableErrorCount(-1))
            .validationSettings(v -> v.enableValidation(true).threadCount(8))
            .beforeImageSettings(b -> b.enableBeforeImage(true).fieldName("before"))
            .otherSection("StreamBufferSettings", Map.of("StreamBufferCount", 3))
            .build();
        return List.of(built.toJson(), built.toPrettyJson(), ECHO_LIKE, "{}");
    }

    static final List<String> TOKENS = List.of("1e999999999", "1E2147483648", "1e-2147483649", "1E+2147483647",
        "-0", "0e0", "1e0", "9".repeat(2000), "-" + "9".repeat(999), "0." + "0".repeat(500) + "1", "null", "true",
        "\"\"", "\"\\u0000\"", "\"a\\nb\"", "\"ünïcødé 名前 😀\"", "\"\\uD800\"", "\"" + "x".repeat(100_000) + "\"",
        "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(300) + "1" + "}".repeat(300), "{\"a\":1,\"a\":2}",
        "[1,2,3]", "{}", ",", "}", "]", "\"", ":", "{\"Id\":\"\",\"Severity\":\"LOGGER_SEVERITY_DEBUG\"}",
        "\"LOGGER_SEVERITY_NOPE\"", "\"DO_NOTHING\"", "\"yes\"", "\"12\"", "12.5", "NaN", "Infinity");

    static final Pattern VALUE = Pattern.compile(":\\s*(\"[^\"]*\"|-?[0-9][0-9.eE+-]*|true|false|null)");
    static final Pattern MEMBER = Pattern.compile("\"[A-Za-z]+\"\\s*:\\s*(\"[^\"]*\"|-?[0-9][0-9.eE+-]*|true|false|null)");

    /** One mutation: kind, where (a fraction of the document), and which token. */
    record Mutation(int kind, double where, int token) {
        String apply(String doc) {
            int at = (int) (where * doc.length());
            String tok = TOKENS.get(token % TOKENS.size());
            return switch (kind) {
                case 0 -> doc.substring(0, at);                                          // truncate
                case 1 -> doc.substring(0, at) + tok + doc.substring(at);                 // insert a token
                case 2 -> replaceNth(VALUE, doc, at, m -> ":" + tok);                     // replace a value
                case 3 -> replaceNth(MEMBER, doc, at, m -> m.group() + "," + m.group());  // duplicate a member
                case 4 -> replaceNth(VALUE, doc, at, m -> ":\"" + m.group(1).replace("\"", "") + "\""); // quote
                case 5 -> doc.substring(0, at) + (char) (token % 32) + doc.substring(at); // raw control character
                default -> doc.substring(0, at) + doc.substring(Math.min(doc.length(), at + 1 + token % 7)); // cut
            };
        }

        static String replaceNth(Pattern p, String doc, int near, java.util.function.Function<Matcher, String> with) {
            Matcher m = p.matcher(doc);
            int start = -1;
            while (m.find()) {
                start = m.start();
                if (start >= near) {
                    break;
                }
            }
            if (start < 0) {
                return doc;
            }
            m = p.matcher(doc);
            m.find(start);
            return doc.substring(0, m.start()) + with.apply(m) + doc.substring(m.end());
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.doubles().between(0, 1),
            Arbitraries.integers().between(0, 1000)).as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> seed() {
        return Arbitraries.integers().between(0, seeds().size() - 1);
    }

    @Property(tries = 1500, seed = "15")
    @Label("mutated documents: typed failure or a value that round-trips")
    void mutatedDocuments(@ForAll("seed") int seed, @ForAll("mutations") List<Mutation> mutations) {
        String doc = seeds().get(seed);
        for (Mutation m : mutations) {
            doc = m.apply(doc);
        }
        check(doc);
    }

    @Example
    @Label("every hostile token as a whole document, as a section, as a member value and as a LogComponent")
    void everyTokenInEveryPlace() {
        for (String tok : TOKENS) {
            check(tok);
            check("{\"X\":" + tok + "}");
            check("{\"FullLoadSettings\":{\"MaxFullLoadSubTasks\":" + tok + "}}");
            check("{\"TargetMetadata\":{\"TargetSchema\":" + tok + "}}");
            check("{\"Logging\":{\"LogComponents\":[" + tok + "]}}");
            check("{\"Logging\":{\"LogComponents\":[{\"Id\":" + tok + ",\"Severity\":\"LOGGER_SEVERITY_INFO\"}]}}");
        }
    }

    static void check(String doc) {
        TaskSettings read;
        try {
            read = TaskSettings.fromJson(doc);
        } catch (RuntimeException e) {
            assertThat(e).as("fromJson of %s", shorten(doc)).isInstanceOf(InvalidDefinitionException.class);
            assertThatThrownBy(() -> TaskSettings.sameMeaning(doc, doc)).as("sameMeaning of %s: %s", shorten(doc),
                e.getMessage()).isInstanceOf(InvalidDefinitionException.class);
            if (!doc.isBlank()) {
                assertThatThrownBy(() -> TaskSettings.empty().differencesFrom(doc))
                    .isInstanceOf(InvalidDefinitionException.class);
            }
            return;
        }
        String json = read.toJson();
        assertThat(json.length()).as("no number is expanded: %s", shorten(doc)).isLessThan(2 * doc.length() + 64);
        TaskSettings again = TaskSettings.fromJson(json);
        assertThat(again).as("round trip of %s", shorten(doc)).isEqualTo(read);
        assertThat(again.toJson()).isEqualTo(json);
        assertThat(read.sameMeaningAs(again)).isTrue();
        assertThat(TaskSettings.sameMeaning(doc, json)).as("%s means %s", shorten(doc), shorten(json)).isTrue();
        assertThat(read.differencesFrom(json)).isEmpty();
        assertThat(read.toString()).isNotNull();
        read.toPrettyJson();
        read.hashCode();
        read.problems();
        try {
            read.toBuilder().build();
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(InvalidDefinitionException.class); // DMS's limits, e.g. MaxFullLoadSubTasks
        }
    }

    static String shorten(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) + "... (" + s.length() + " chars)" : s;
    }

    @Example
    @Label("issue 15's numbers: 1e999999999 is kept as written, 1E2147483648 is a typed error, both fast")
    void hugeNumbers() {
        TaskSettings s = TaskSettings.fromJson("{\"X\":{\"y\":1e999999999},\"FullLoadSettings\":{\"CommitRate\":1e999999999}}");
        assertThat(s.toJson()).contains("1E+999999999");
        assertThat(s.fullLoadSettings()).get().satisfies(f -> assertThat(f.commitRate()).isEmpty());
        assertThat(s.fullLoadSettings().get().otherFields()).containsKey("CommitRate");
        assertThat(TaskSettings.sameMeaning(s.toJson(), s.toJson())).isTrue();
        assertThat(s.differencesFrom("{\"X\":{\"y\":1e999999998}}")).isNotEmpty();
        assertThatThrownBy(() -> TaskSettings.fromJson("{\"X\":1E2147483648}"))
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("ReplicationTaskSettings");
        assertThatThrownBy(() -> TaskSettings.fromJson("{\"a\":1,\"a\":2}"))
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> TaskSettings.fromJson("[".repeat(100_000)))
            .isInstanceOf(InvalidDefinitionException.class);
        assertThatThrownBy(() -> TaskSettings.fromJson(null)).isInstanceOf(InvalidDefinitionException.class);
    }

    @Example
    @Label("a member with the wrong type is kept as read, not dropped")
    void wrongTypesKept() {
        TaskSettings s = TaskSettings.fromJson("{\"FullLoadSettings\":{\"MaxFullLoadSubTasks\":\"lots\","
            + "\"CommitRate\":8.5,\"CreatePkAfterFullLoad\":\"yes\",\"TransactionConsistencyTimeout\":600.0}}");
        assertThat(s.fullLoadSettings().get().maxFullLoadSubTasks()).isEmpty();
        assertThat(s.fullLoadSettings().get().transactionConsistencyTimeout()).contains(600);
        assertThat(s.fullLoadSettings().get().otherFields()).containsOnlyKeys("MaxFullLoadSubTasks", "CommitRate",
            "CreatePkAfterFullLoad");
        assertThat(s.toJson()).contains("\"MaxFullLoadSubTasks\":\"lots\"").contains("\"CommitRate\":8.5");
    }
}
