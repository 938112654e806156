package io.dmskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.server.MotoServer;
import io.dmskit.testsupport.HostileApiSweep;
import java.lang.reflect.Method;
import java.net.URI;
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
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Hostile values through dms-testkit's public builders and configuration ({@link DmsSandbox#builder()}, its remote
 * builder, {@link FakeDms#builder()}, {@link FakeSecretsManager#builder()}, {@link LocalS3#builder()},
 * {@link Timings}, {@link FakeClock}, the {@link Faults} DSL, {@link MotoServer}'s look-ups), found by reflection
 * ({@link HostileApiSweep}): only the documented {@link IllegalArgumentException} (a bad argument, naming it), the
 * two documented environment {@link IllegalStateException}s ({@link #documentedIllegalState}),
 * {@link UnsupportedOperationException} (what a fake does not model) and AWS-shaped {@link SdkException}s may
 * escape, and {@code toString()} never throws. What starts servers or processes, and FakeDms's request handling
 * (fuzzed on its own), are left out.
 */
@Label("dms-testkit: hostile values through every public builder and configuration method")
class HostileApiProperties {

    static final List<Class<?>> ENTRIES = List.of(DmsSandbox.class, DmsSandbox.Remote.class, FakeDms.class,
        FakeSecretsManager.class, LocalS3.class, Timings.class, FakeClock.class, RemoteClientSettings.class,
        MotoServer.class, CallRecord.class, FakeCloudWatch.class, FakeCloudWatchLogs.class);

    /** Lifecycle (starts servers, processes, JUnit callbacks) and the fakes' AWS operations are not swept here. */
    static final Set<String> LIFECYCLE = Set.of("start", "started", "close", "stop", "beforeAll", "afterAll",
        "beforeEach", "afterEach", "supportsParameter", "resolveParameter", "postProcessTestInstance", "dms",
        "secretsManager", "s3", "s3Client", "dmsClient", "secretsManagerClient", "localS3", "fakeDms", "task");

    /**
     * The IllegalStateExceptions the javadoc documents, about the environment rather than an argument:
     * {@code withLocalReplicationEngine()} without dms-engine on the class path (it is not, in this module), and
     * {@code Faults.latency} on a fake that does not run on a {@link FakeClock}.
     */
    static boolean documentedIllegalState(Throwable t) {
        if (!(t instanceof IllegalStateException)) {
            return false;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.dmskit.testkit.")) {
                return e.getMethodName().contains("withLocalReplicationEngine") || e.getMethodName().contains("latency");
            }
        }
        return false;
    }

    static HostileApiSweep sweep() {
        return new HostileApiSweep(new HostileApiSweep.Config("io.dmskit.testkit", ENTRIES,
            t -> t instanceof IllegalArgumentException || t instanceof UnsupportedOperationException
                || t instanceof SdkException || documentedIllegalState(t),
            HostileApiProperties::extra,
            HostileApiProperties::skip));
    }

    static List<Object> extra(Class<?> type) {
        if (type == URI.class) {
            return java.util.Arrays.asList(URI.create("http://127.0.0.1:1"), null, URI.create("relative/path"),
                URI.create("ftp://x"), URI.create("http://[::1]:99999"));
        }
        return null;
    }

    static boolean skip(Method m) {
        Class<?> c = m.getDeclaringClass();
        if (LIFECYCLE.contains(m.getName())) {
            return true;
        }
        // the fakes' AWS operations (request validation is fuzzed separately); their configuration views stay in
        boolean fake = c == FakeDms.class || c == FakeSecretsManager.class || c == LocalS3.class
            || c == DmsSandbox.class || c == DmsSandbox.Remote.class || c == LocalS3.Bucket.class
            || c == MotoServer.class || c == FakeCloudWatch.class || c == FakeCloudWatchLogs.class;
        // DmsSandbox's accessors need an open JUnit scope (documented IllegalStateException otherwise)
        return fake && !java.lang.reflect.Modifier.isStatic(m.getModifiers())
            && (c == DmsSandbox.class || !Set.of("faults", "clock", "timings").contains(m.getName()));
    }

    @Example
    @Label("every builder and configuration method, one hostile argument at a time")
    void everyEntryPointEveryHostileValue() {
        HostileApiSweep s = sweep();
        s.sweepAll();
        FakeDms fake = FakeDms.create();
        s.sweepObject(fake.faults(), "FakeDms.faults()");
        s.sweepObject(fake.faults().throttle("CreateEndpoint"), "faults().throttle(..)");
        s.sweepObject(fake.faults().eventualConsistency(), "faults().eventualConsistency()");
        s.sweepObject(FakeSecretsManager.create().faults(), "FakeSecretsManager.faults()");
        s.sweepObject(Timings.builder(), "Timings.builder()");
        s.sweepObject(DmsSandbox.Remote.builder(URI.create("http://127.0.0.1:1")), "Remote.builder(..)");
        assertThat(s.violations()).as(s.report()).isEmpty();
        assertThat(s.calls()).isGreaterThan(500);
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
