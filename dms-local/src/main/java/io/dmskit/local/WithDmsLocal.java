package io.dmskit.local;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link DmsLocalServer} on an ephemeral port for a test class (stopped after it) and injects it into
 * test and lifecycle methods as a {@link DmsLocalServer} or a {@link java.net.URI} parameter (the endpoint URL).
 *
 * <pre>{@code
 * @WithDmsLocal
 * class CliTest {
 *     @Test
 *     void describes(URI endpoint) {
 *         DatabaseMigrationClient dms = DatabaseMigrationClient.builder().endpointOverride(endpoint)...build();
 *     }
 * }
 * }</pre>
 *
 * <p>The fakes run on a virtual clock ({@code server.clock()}) with instant transitions, so waiters finish at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DmsLocalExtension.class)
public @interface WithDmsLocal {

    /**
     * {@return true to replicate with the local engine, false (default) for FakeDms's scripted data plane}
     */
    boolean localEngine() default false;
}
