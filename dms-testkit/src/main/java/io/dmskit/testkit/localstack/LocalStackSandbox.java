package io.dmskit.testkit.localstack;

import io.dmskit.testkit.DmsSandbox;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LocalStack in Docker, through Testcontainers, handed to {@link DmsSandbox#forEndpoint(URI)}: real SDK clients for
 * DMS, Secrets Manager and S3 against a LocalStack container.
 *
 * <pre>{@code
 * assumeTrue(LocalStackSandbox.isDockerAvailable(), LocalStackSandbox.unavailableReason());
 * try (LocalStackSandbox localstack = LocalStackSandbox.start()) {
 *     localstack.clients().s3().createBucket(b -> b.bucket("landing"));
 * }
 * }</pre>
 *
 * <p><b>Optional dependency.</b> dms-testkit does not bring Testcontainers with it; add
 * {@code org.testcontainers:testcontainers-localstack} (2.x) to your test dependencies to use this class. Without it,
 * {@link #isDockerAvailable()} answers false and {@link #start()} fails with a message saying what to add.
 *
 * <p>DMS is a LocalStack Pro feature: with the environment variable {@code LOCALSTACK_AUTH_TOKEN} set, the Pro image
 * is used and the token passed to the container; without it, the community image serves S3 and Secrets Manager
 * only. The image can be overridden with {@code DMSKIT_LOCALSTACK_IMAGE}.
 */
public final class LocalStackSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackSandbox.class);

    /** Image used without an auth token (S3, Secrets Manager). */
    public static final String COMMUNITY_IMAGE = "localstack/localstack:4.4";
    /** Image used with {@code LOCALSTACK_AUTH_TOKEN} (adds DMS). */
    public static final String PRO_IMAGE = "localstack/localstack-pro:4.4";
    /** Services started by default with the community image. */
    public static final List<String> COMMUNITY_SERVICES = List.of("s3", "secretsmanager");
    /** Services started by default with the Pro image (with {@code LOCALSTACK_AUTH_TOKEN}). */
    public static final List<String> PRO_SERVICES = List.of("s3", "secretsmanager", "dms");

    private final ContainerHandle container;
    private final DmsSandbox.Remote clients;

    private LocalStackSandbox(ContainerHandle container) {
        this.container = container;
        this.clients = DmsSandbox.forEndpoint(container.endpoint(), r -> r
                .region(container.region())
                .credentials(container.accessKey(), container.secretKey()));
    }

    /** {@return whether Testcontainers is on the classpath and can reach a Docker daemon} */
    public static boolean isDockerAvailable() {
        return unavailabilityCause() == null;
    }

    /** {@return a sentence for {@code Assumptions.assumeTrue(..., reason)} saying why LocalStack cannot run} */
    public static String unavailableReason() {
        String cause = unavailabilityCause();
        return cause == null ? "Docker is available" : cause;
    }

    private static String unavailabilityCause() {
        try {
            Class.forName("org.testcontainers.localstack.LocalStackContainer", false,
                    LocalStackSandbox.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "LocalStack needs org.testcontainers:testcontainers-localstack (2.x) on the test classpath";
        }
        try {
            return ContainerHandle.dockerAvailable() ? null
                    : "LocalStack needs Docker, and Testcontainers found no Docker environment on this machine";
        } catch (LinkageError | RuntimeException e) {
            return "LocalStack needs Docker, and Testcontainers could not check for it: " + e;
        }
    }

    /**
     * Starts LocalStack with the default image and services.
     *
     * @return the running sandbox
     * @throws IllegalStateException when Testcontainers or Docker is missing
     */
    public static LocalStackSandbox start() {
        String image = System.getenv("DMSKIT_LOCALSTACK_IMAGE");
        if (image == null || image.isBlank()) {
            image = authToken() == null ? COMMUNITY_IMAGE : PRO_IMAGE;
        }
        return start(image, authToken() == null ? COMMUNITY_SERVICES : PRO_SERVICES);
    }

    /**
     * Starts LocalStack.
     *
     * @param image the Docker image, e.g. {@code localstack/localstack-pro:4.4}
     * @param services the LocalStack services to enable
     * @return the running sandbox
     * @throws IllegalStateException when Testcontainers or Docker is missing
     */
    public static LocalStackSandbox start(String image, List<String> services) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(services, "services");
        String cause = unavailabilityCause();
        if (cause != null) {
            throw new IllegalStateException(cause);
        }
        ContainerHandle handle = ContainerHandle.start(image, services, authToken());
        LOG.info("LocalStack {} started at {}", image, handle.endpoint());
        return new LocalStackSandbox(handle);
    }

    private static String authToken() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null || token.isBlank() ? null : token;
    }

    /** {@return the container's endpoint URL} */
    public URI endpoint() {
        return container.endpoint();
    }

    /** {@return SDK clients (DMS, Secrets Manager, S3 path-style) for the container} */
    public DmsSandbox.Remote clients() {
        return clients;
    }

    /** Closes the clients and stops the container. */
    @Override
    public void close() {
        try {
            clients.close();
        } finally {
            container.stop();
        }
    }

    @Override
    public String toString() {
        return "LocalStackSandbox[" + endpoint() + "]";
    }

    /** Keeps every Testcontainers type out of the outer class, so it loads without Testcontainers. */
    private static final class ContainerHandle {
        private final org.testcontainers.localstack.LocalStackContainer container;

        private ContainerHandle(org.testcontainers.localstack.LocalStackContainer container) {
            this.container = container;
        }

        static boolean dockerAvailable() {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        }

        static ContainerHandle start(String image, List<String> services, String token) {
            org.testcontainers.localstack.LocalStackContainer c =
                    new org.testcontainers.localstack.LocalStackContainer(
                            org.testcontainers.utility.DockerImageName.parse(image)
                                    .asCompatibleSubstituteFor("localstack/localstack"))
                            .withServices(services.toArray(String[]::new));
            if (token != null) {
                c = c.withEnv("LOCALSTACK_AUTH_TOKEN", token);
            }
            c.start();
            return new ContainerHandle(c);
        }

        URI endpoint() {
            return container.getEndpoint();
        }

        String region() {
            return container.getRegion();
        }

        String accessKey() {
            return container.getAccessKey();
        }

        String secretKey() {
            return container.getSecretKey();
        }

        void stop() {
            container.stop();
        }
    }
}
