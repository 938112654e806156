package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.settings.ErrorPolicy;
import io.dmskit.core.settings.LogComponent;
import io.dmskit.core.settings.LogSeverity;
import io.dmskit.core.settings.TargetTablePrepMode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TaskSettings: typed sections to DMS JSON, and comparison by meaning")
class TaskSettingsTest {

    private static TaskSettings desired() {
        return TaskSettings.builder()
            .targetMetadata(t -> t.supportLobs(true).limitedSizeLobMode(true).lobMaxSize(32))
            .fullLoadSettings(f -> f.targetTablePrepMode(TargetTablePrepMode.DO_NOTHING).maxFullLoadSubTasks(8))
            .logging(l -> l.enableLogging(true).logComponent(LogComponent.SOURCE_CAPTURE, LogSeverity.DEFAULT)
                .logComponent(LogComponent.TARGET_APPLY, LogSeverity.INFO))
            .errorBehavior(e -> e.dataErrorPolicy(ErrorPolicy.LOG_ERROR).recoverableErrorCount(-1))
            .validationSettings(v -> v.enableValidation(true).threadCount(5))
            .otherSection("StreamBufferSettings", java.util.Map.of("StreamBufferCount", 3))
            .build();
    }

    /** What DMS echoes for {@link #desired()}: every default filled in, read-only keys, components reordered. */
    private static final String ECHO = """
        {"TargetMetadata":{"TargetSchema":"","SupportLobs":true,"FullLobMode":false,"LobChunkSize":0,
          "LimitedSizeLobMode":true,"LobMaxSize":32,"InlineLobMaxSize":0,"LoadMaxFileSize":0,"ParallelLoadThreads":0,
          "ParallelLoadBufferSize":0,"BatchApplyEnabled":false,"TaskRecoveryTableEnabled":false},
         "FullLoadSettings":{"TargetTablePrepMode":"DO_NOTHING","CreatePkAfterFullLoad":false,
          "StopTaskCachedChangesApplied":false,"StopTaskCachedChangesNotApplied":false,"MaxFullLoadSubTasks":"8",
          "TransactionConsistencyTimeout":600,"CommitRate":10000},
         "Logging":{"EnableLogging":true,"EnableLogContext":false,"LogComponents":[
            {"Id":"TRANSFORMATION","Severity":"LOGGER_SEVERITY_DEFAULT"},
            {"Id":"TARGET_APPLY","Severity":"LOGGER_SEVERITY_INFO"},
            {"Id":"SOURCE_CAPTURE","Severity":"LOGGER_SEVERITY_DEFAULT"},
            {"Id":"TASK_MANAGER","Severity":"LOGGER_SEVERITY_DEFAULT"}],
          "CloudWatchLogGroup":"dms-tasks-ecommerce-dms","CloudWatchLogStream":"dms-task-ABCDEF"},
         "ControlTablesSettings":{"historyTimeslotInMinutes":5,"ControlSchema":"","HistoryTimeslotInMinutes":5},
         "StreamBufferSettings":{"StreamBufferCount":3,"StreamBufferSizeInMB":8,"CtrlStreamBufferSizeInMB":5},
         "ChangeProcessingTuning":{"RecoveryTimeout":-1,"StatementCacheSize":50},
         "ErrorBehavior":{"DataErrorPolicy":"LOG_ERROR","RecoverableErrorCount":-1,"FailOnNoTablesCaptured":true},
         "ValidationSettings":{"EnableValidation":true,"ThreadCount":5,"PartitionSize":10000,"ValidationMode":"ROW_LEVEL"},
         "PostProcessingRules":null,"FailTaskWhenCleanTaskResourceFailed":false}""";

    @Test
    @DisplayName("serializes only what is set, with DMS's section and member names and wire values")
    void serializesSetFieldsOnly() {
        String json = desired().toJson();
        assertThat(json).startsWith("{\"TargetMetadata\":{\"SupportLobs\":true,\"LimitedSizeLobMode\":true,\"LobMaxSize\":32}")
            .contains("\"FullLoadSettings\":{\"TargetTablePrepMode\":\"DO_NOTHING\",\"MaxFullLoadSubTasks\":8}")
            .contains("{\"Id\":\"SOURCE_CAPTURE\",\"Severity\":\"LOGGER_SEVERITY_DEFAULT\"}")
            .contains("\"StreamBufferSettings\":{\"StreamBufferCount\":3}")
            .doesNotContain("CommitRate").doesNotContain("CloudWatch");
        assertThat(TaskSettings.fromJson(json)).isEqualTo(desired());
    }

    @Test
    @DisplayName("DMS's echo (defaults, read-only CloudWatch keys, reordered LogComponents, \"8\" for 8) is no change")
    void echoIsNoChange() {
        assertThat(desired().differencesFrom(ECHO)).isEmpty();
    }

    @Test
    @DisplayName("a real change is reported per member, LogComponents per component id")
    void realChangesAreReported() {
        String changed = ECHO.replace("\"MaxFullLoadSubTasks\":\"8\"", "\"MaxFullLoadSubTasks\":16")
            .replace("{\"Id\":\"TARGET_APPLY\",\"Severity\":\"LOGGER_SEVERITY_INFO\"}",
                "{\"Id\":\"TARGET_APPLY\",\"Severity\":\"LOGGER_SEVERITY_ERROR\"}");
        List<FieldDiff> diffs = desired().differencesFrom(changed);
        assertThat(diffs).extracting(FieldDiff::toString).containsExactlyInAnyOrder(
            "ReplicationTaskSettings.FullLoadSettings.MaxFullLoadSubTasks: 16 -> 8",
            "ReplicationTaskSettings.Logging.LogComponents[TARGET_APPLY]: LOGGER_SEVERITY_ERROR -> LOGGER_SEVERITY_INFO");
    }

    @Test
    @DisplayName("a member DMS does not report at all is a change from (unset)")
    void missingMemberIsAChange() {
        assertThat(desired().differencesFrom("{}")).isNotEmpty()
            .allSatisfy(d -> assertThat(d.before()).isEqualTo(FieldDiff.UNSET));
    }

    @Test
    @DisplayName("unknown sections and members survive a round trip")
    void unknownSectionsPassThrough() {
        TaskSettings s = TaskSettings.fromJson(ECHO);
        assertThat(s.otherSections()).containsKeys("StreamBufferSettings", "PostProcessingRules",
            "FailTaskWhenCleanTaskResourceFailed");
        assertThat(s.errorBehavior()).get().satisfies(e -> {
            assertThat(e.dataErrorPolicy()).contains(ErrorPolicy.LOG_ERROR);
            assertThat(e.failOnNoTablesCaptured()).contains(true);
        });
        assertThat(s.controlTablesSettings()).get().satisfies(c -> assertThat(c.otherFields())
            .containsKey("historyTimeslotInMinutes"));
        assertThat(TaskSettings.sameMeaning(s.toJson(), ECHO)).isTrue();
        assertThat(TaskSettings.fromJson(s.toJson())).isEqualTo(s);
    }

    @Test
    @DisplayName("sameMeaning ignores read-only members and LogComponents order but not values")
    void sameMeaning() {
        String a = "{\"Logging\":{\"EnableLogging\":true,\"LogComponents\":[{\"Id\":\"A\",\"Severity\":\"LOGGER_SEVERITY_INFO\"},"
            + "{\"Id\":\"B\",\"Severity\":\"LOGGER_SEVERITY_DEBUG\"}]}}";
        String b = "{\"Logging\":{\"CloudWatchLogGroup\":\"g\",\"EnableLogging\":\"true\",\"LogComponents\":["
            + "{\"Id\":\"B\",\"Severity\":\"LOGGER_SEVERITY_DEBUG\"},{\"Id\":\"A\",\"Severity\":\"LOGGER_SEVERITY_INFO\"}]}}";
        assertThat(TaskSettings.sameMeaning(a, b)).isTrue();
        assertThat(TaskSettings.sameMeaning(a, b.replace("DEBUG", "ERROR"))).isFalse();
    }

    @Test
    @DisplayName("an invalid enum value read from JSON is kept as an other member, not lost")
    void unknownEnumValueKept() {
        TaskSettings s = TaskSettings.fromJson("{\"FullLoadSettings\":{\"TargetTablePrepMode\":\"SOMETHING_NEW\"}}");
        assertThat(s.fullLoadSettings()).get().satisfies(f -> {
            assertThat(f.targetTablePrepMode()).isEmpty();
            assertThat(f.otherFields()).containsEntry("TargetTablePrepMode", "SOMETHING_NEW");
        });
        assertThat(s.toJson()).contains("SOMETHING_NEW");
    }
}
