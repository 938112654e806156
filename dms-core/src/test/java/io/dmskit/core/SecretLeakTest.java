package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.DestroyOptions;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ProgressEvent;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The test password appears in no log line, rendering, exception or toString() of a full run")
class SecretLeakTest {

    private static final String PASSWORD = GuidePipeline.PASSWORD;

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    @DisplayName("plan, apply, start, change, fail, destroy: the password never leaves the Secret")
    void passwordNeverLeaks() {
        List<String> seen = new ArrayList<>();
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            FakeClock clock = FakeClock.create();
            FakeSecretsManager secrets = FakeSecretsManager.create();
            FakeDms fake = FakeDms.builder().clock(clock).timings(Timings.realistic()).secretsManager(secrets).build();
            Pipeline pipeline = GuidePipeline.build().toBuilder()
                .endpoint(Endpoint.postgres("analytics-postgres-target").target().serverName("pg.internal").port(5432)
                    .databaseName("analytics").password("dms_writer", Secret.of(PASSWORD)).build())
                .build();
            try (DmsProvisioner p = DmsProvisioner.builder().dms(fake).secrets(secrets).clock(clock)
                .sleeper(clock::sleep).pollInterval(Duration.ofSeconds(5)).progressListener(events::add).build()) {
                Plan plan = p.plan(pipeline);
                seen.add(plan.render());
                seen.add(plan.toString());
                plan.changes().forEach(c -> seen.add(c.toString()));
                ApplyResult result = p.apply(pipeline);
                seen.add(result.toString());
                p.start(pipeline);
                // the password changes: the managed secret and the clear-text endpoint are updated
                Pipeline rotated = GuidePipeline.build("Rotated#2026").toBuilder()
                    .endpoint(Endpoint.postgres("analytics-postgres-target").target().serverName("pg.internal")
                        .port(5432).databaseName("analytics").password("dms_writer", Secret.of(PASSWORD)).build())
                    .build();
                Plan rotation = p.plan(rotated);
                seen.add(rotation.render());
                assertThat(rotation.render()).contains("password: (sensitive) -> (sensitive)")
                    .doesNotContain("Rotated#2026");
                p.apply(rotated);
                // a mapping change on a running task, first refused, then applied
                String id = "global-market-pulse-replication";
                Pipeline edited = rotated.withTask(rotated.task(id).orElseThrow().toBuilder()
                    .tableMappings(TableMappings.fromJson(GuidePipeline.mappingsJson("global-market-pulse")
                        .replace("schema_", "gmp_"))).build());
                seen.add(stackTrace(catchThrowable(() -> p.apply(edited))));
                p.apply(edited, ApplyPolicy.restartTasks());
                // failures with AWS errors
                fake.faults().error("ModifyEndpoint", "AccessDeniedFault", 403, "not authorized").always();
                Pipeline moved = edited.withEndpoint(edited.endpoint("analytics-postgres-target").orElseThrow()
                    .toBuilder().serverName("pg2.internal").build());
                seen.add(stackTrace(catchThrowable(() -> p.apply(moved))));
                fake.faults().clear();
                fake.task(id).fail("Last Error Access denied for user 'root'");
                seen.add(stackTrace(catchThrowable(() -> p.awaitTask(id, io.dmskit.model.TaskStatus.RUNNING))));
                // invalid definitions mention the password field, never its value
                seen.add(stackTrace(catchThrowable(() -> Endpoint.mysql("bad").source().serverName("h").port(1)
                    .password("u", Secret.of("has;semicolon" + PASSWORD)).secretsManager("arn:s", "arn:r").build())));
                p.destroy(edited, DestroyOptions.deleteManagedSecrets().withoutRecovery());
                seen.add(p.toString());
            }
            // toString of every model and value
            seen.add(pipeline.toString());
            pipeline.endpoints().forEach(e -> {
                seen.add(e.toString());
                e.credentials().ifPresent(c -> seen.add(c.toString()));
                seen.add(e.toBuilder().build().toString());
            });
            pipeline.tasks().forEach(t -> seen.add(t.toString()));
            pipeline.instances().forEach(i -> seen.add(i.toString()));
            pipeline.subnetGroups().forEach(g -> seen.add(g.toString()));
            seen.add(Secret.of(PASSWORD).toString());
            seen.add(String.valueOf(Credentials.managedSecret("n", "r", "u", Secret.of(PASSWORD))));
            seen.add(String.valueOf(Secret.of(PASSWORD).hashCode()));
            events.forEach(e -> seen.add(e.toString()));
            fake.calls().forEach(c -> seen.add(c.toString()));
            fake.close();
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        originalErr.println("[SecretLeakTest] captured " + logs.length() + " characters of log output, "
            + seen.size() + " renderings");

        assertThat(logs).contains("replication task 'global-market-pulse-replication'").contains("secret")
            .doesNotContain(PASSWORD).doesNotContain("Rotated#2026");
        assertThat(seen).hasSizeGreaterThan(40).allSatisfy(s -> assertThat(s).doesNotContain(PASSWORD)
            .doesNotContain("Rotated#2026"));
        assertThat(String.join("\n", seen)).contains("Secret[redacted]").contains("AccessDeniedFault")
            .contains("Access denied for user").contains("Password: contains a character");
    }
}
