package io.dmskit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotation form of {@link DmsSandbox}: the fakes arrive as parameters of test and lifecycle methods.
 *
 * <pre>{@code
 * @WithDmsSandbox
 * class PipelineTest {
 *     @Test
 *     void deploys(FakeDms dms, FakeSecretsManager secrets, S3Client s3) { ... }
 * }
 * }</pre>
 *
 * <p>Injectable types: {@link DmsSandbox}, {@link FakeDms}, {@code DatabaseMigrationClient},
 * {@link FakeSecretsManager}, {@code SecretsManagerClient}, {@code S3Client}, {@link LocalS3}, {@link FakeClock}.
 * Use {@code @RegisterExtension} with {@link DmsSandbox#builder()} for other settings.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DmsSandboxExtension.class)
public @interface WithDmsSandbox {

    /** {@return true for one state per test class (injectable in {@code @BeforeAll}), false for one per test} */
    boolean perClass() default false;

    /** {@return true to plug in the local replication engine ({@link DmsSandbox.Builder#withLocalReplicationEngine()})} */
    boolean localReplicationEngine() default false;

    /** {@return true for {@link Timings#realistic()} instead of {@link Timings#instant()}} */
    boolean realisticTimings() default false;
}
