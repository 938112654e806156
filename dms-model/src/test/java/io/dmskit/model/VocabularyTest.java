package io.dmskit.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DMS's vocabulary: stop reasons, statuses and identifier rules read and written as DMS does")
class VocabularyTest {

    @Test
    @DisplayName("every stop reason survives text() -> parse(); blank is none; an unknown reason is UNKNOWN, not lost")
    void stopReasons() {
        for (StopReason r : StopReason.values()) {
            assertThat(StopReason.parse(r.text())).contains(r);
        }
        assertThat(StopReason.parse("stop reason stopped after full load")).contains(StopReason.STOPPED_AFTER_FULL_LOAD);
        assertThat(StopReason.parse("  ")).isEmpty();
        assertThat(StopReason.parse("Stop Reason SOMETHING_NEW")).contains(StopReason.UNKNOWN);
        assertThat(StopReason.FATAL_ERROR.isError()).isTrue();
        assertThat(StopReason.FULL_LOAD_ONLY_FINISHED.isSuccessfulEnd()).isTrue();
    }

    @Test
    @DisplayName("task statuses round-trip through their wire values ('failed-move')")
    void statuses() {
        for (TaskStatus s : TaskStatus.values()) {
            assertThat(TaskStatus.parse(s.wireValue())).contains(s);
        }
        assertThat(TaskStatus.parse(null)).isEmpty();
        assertThat(TaskStatus.parse("warming-up")).contains(TaskStatus.UNKNOWN);
    }

    @Test
    @DisplayName("identifier rules report every broken rule at once")
    void identifiers() {
        assertThat(DmsIdentifiers.problems("orders-to-s3", 255)).isEmpty();
        assertThat(DmsIdentifiers.problems("1Acme_Corp--", 10)).containsExactly(
                "must be at most 10 characters (it has 12)", "must begin with a letter",
                "must contain only ASCII letters, digits and hyphens", "must not end with a hyphen",
                "must not contain two consecutive hyphens");
        assertThat(DmsIdentifiers.problems(null, 5)).containsExactly("is required");
        assertThat(DmsIdentifiers.subnetGroupProblems("my group_1.a")).isEmpty();
        assertThat(DmsIdentifiers.subnetGroupProblems("Default")).containsExactly("must not be 'default'");
    }

    @Test
    @DisplayName("the engine catalog: lookups, families, ports, and every settings member is a real SDK Endpoint member")
    void engineCatalogCoversTheSdk() {
        assertThat(DmsEngine.all()).extracting(DmsEngine::name).doesNotHaveDuplicates()
                .contains("mysql", "mariadb", "aurora", "postgres", "aurora-postgresql", "oracle", "sqlserver", "s3",
                        "kinesis", "kafka", "redshift", "dynamodb");
        assertThat(DmsEngine.find(" Aurora-PostgreSQL ")).map(DmsEngine::family).contains(DmsEngine.Family.POSTGRESQL);
        assertThat(DmsEngine.find("mariadb")).map(DmsEngine::settingsMember).contains("MySQLSettings");
        assertThat(DmsEngine.find("mysql").orElseThrow().defaultPort()).hasValue(3306);
        assertThat(DmsEngine.find("s3").orElseThrow().defaultPort()).isEmpty();
        assertThat(DmsEngine.find("cassandra")).isEmpty();
        for (DmsEngine e : DmsEngine.all()) {
            assertThat(software.amazon.awssdk.services.databasemigration.model.Endpoint.builder().build().sdkFields())
                    .as(e.name() + " settings member " + e.settingsMember())
                    .anySatisfy(f -> assertThat(f.memberName()).isEqualTo(e.settingsMember()));
        }
    }
}
