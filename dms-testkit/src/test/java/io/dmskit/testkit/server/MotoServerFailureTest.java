package io.dmskit.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("MotoServer explains start-up failures with the process's own output")
class MotoServerFailureTest {

    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path p = dir.resolve("fake_moto_server");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    @DisplayName("an executable that exits at once: the exit code and its output are in the exception")
    void exitsEarly() throws IOException {
        Path exe = script("echo \"ImportError: No module named werkzeug\"; exit 3");
        assertThatThrownBy(() -> MotoServer.start(exe, Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("No module named werkzeug");
    }

    @Test
    @DisplayName("an executable that never answers: a timeout naming the port, and the process is gone")
    void neverAnswers() throws IOException {
        Path exe = script("echo \"listening soon\"; exec sleep 30");
        assertThatThrownBy(() -> MotoServer.start(exe, Duration.ofMillis(700)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not answer on port")
                .hasMessageContaining("listening soon");
    }

    @Test
    @DisplayName("the reason given when moto_server is missing says how to install it")
    void unavailableReason() {
        assertThat(MotoServer.unavailableReason())
                .satisfiesAnyOf(r -> assertThat(r).isEqualTo("moto_server is available"),
                        r -> assertThat(r).contains("pip install"));
    }
}
