package io.dmskit.testkit.internal.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import com.adobe.testing.s3mock.store.StoreCleaner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Internal: runs Adobe S3Mock as an embedded Spring Boot application on a random local port. Not API; use
 * {@link io.dmskit.testkit.LocalS3}.
 *
 * <p>Differences from {@code S3MockApplication.start(...)}, each for a reason:
 * <ul>
 *   <li>Spring Boot's logging system is not initialised: it would reconfigure {@code java.util.logging} for the whole
 *       JVM. Spring's own messages go through commons-logging to SLF4J, i.e. to whatever binding the user has.</li>
 *   <li>{@code spring.config.name} points to a name nobody uses, so an {@code application.properties} of the user's
 *       own project cannot reconfigure (or break) the embedded server; S3Mock's defaults are passed explicitly.</li>
 *   <li>Both connectors are plain HTTP on random ports (no keystore loading, no port clashes).</li>
 *   <li>S3Mock's {@code StoreCleaner} is not registered: it adds a JVM shutdown hook per server that logs
 *       "Calling StoreCleaner destroy() with retainFilesOnExit=..." at INFO when the JVM exits, long after
 *       {@link #close()} has deleted the folder (or kept it, as asked) itself.</li>
 *   <li>Spring Boot's banner, start-up info and JMX are off; Tomcat's JUL loggers are set to WARNING only where
 *       nobody set a level. Nothing else of the user's logging configuration is touched.</li>
 * </ul>
 */
public final class S3MockServer implements AutoCloseable {

    /** The JUL loggers Tomcat writes its INFO start-up chatter to; quietened while a server runs. */
    private static final Map<String, Level> NOISY_JUL_LOGGERS = Map.of(
            "org.apache.catalina", Level.WARNING,
            "org.apache.coyote", Level.WARNING,
            "org.apache.tomcat", Level.WARNING,
            // warns on every stop that Spring's task executor threads outlive the web application; they don't
            "org.apache.catalina.loader.WebappClassLoaderBase", Level.SEVERE);

    private final ConfigurableApplicationContext context;
    private final int httpPort;
    private final Path root;
    private final boolean deleteRoot;
    // Strong references: JUL keeps loggers weakly, a level set on a collected logger would be lost.
    private final List<Logger> quietened;

    private S3MockServer(ConfigurableApplicationContext context, int httpPort, Path root, boolean deleteRoot,
                         List<Logger> quietened) {
        this.context = context;
        this.httpPort = httpPort;
        this.root = root;
        this.deleteRoot = deleteRoot;
        this.quietened = quietened;
    }

    /**
     * Starts S3Mock.
     *
     * @param root folder for the object store; {@code null} for a new temporary folder
     * @param retainFiles keep the folder when the server stops
     * @param initialBuckets buckets to create at start
     * @param region the region S3Mock reports for buckets
     * @return the running server
     */
    public static S3MockServer start(Path root, boolean retainFiles, List<String> initialBuckets, String region) {
        Path folder;
        try {
            folder = root != null ? Files.createDirectories(root) : Files.createTempDirectory("dmskit-local-s3-");
        } catch (IOException e) {
            throw new UncheckedIOException("LocalS3: cannot create the root folder " + root, e);
        }
        List<Logger> quietened = quietTomcat();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.config.name", "dmskit-embedded-s3mock");
        props.put("server.port", 0);
        props.put("server.ssl.enabled", false);
        props.put("http.port", 0);
        props.put("server.address", "127.0.0.1");
        props.put("spring.jmx.enabled", false);
        props.put("spring.main.lazy-initialization", true);
        props.put("spring.main.log-startup-info", false);
        props.put("spring.main.banner-mode", "off");
        // a test's S3 has no requests to drain on close; graceful shutdown only adds two INFO lines per server
        props.put("server.shutdown", "immediate");
        props.put("server.tomcat.max-swallow-size", "10MB");
        props.put("management.endpoints.web.discovery.enabled", false);
        props.put("com.adobe.testing.s3mock.region", region);
        props.put(S3MockApplication.PROP_ROOT_DIRECTORY, folder.toString());
        props.put("com.adobe.testing.s3mock.store.retainFilesOnExit", true);
        if (!initialBuckets.isEmpty()) {
            props.put(S3MockApplication.PROP_INITIAL_BUCKETS, String.join(",", initialBuckets));
        }
        SpringApplication app = new SpringApplication(S3MockApplication.class);
        app.setDefaultProperties(props);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        List<ApplicationListener<?>> listeners = new ArrayList<>();
        for (ApplicationListener<?> l : app.getListeners()) {
            if (!(l instanceof LoggingApplicationListener)) {
                listeners.add(l);
            }
        }
        app.setListeners(listeners);
        app.addInitializers(context -> context.addBeanFactoryPostProcessor(beanFactory -> {
            if (beanFactory instanceof BeanDefinitionRegistry registry) {
                for (String name : beanFactory.getBeanNamesForType(StoreCleaner.class, true, false)) {
                    registry.removeBeanDefinition(name);
                }
            }
        }));
        ConfigurableApplicationContext ctx;
        try {
            ctx = app.run();
        } catch (RuntimeException e) {
            if (root == null) {
                deleteRecursively(folder);
            }
            throw new IllegalStateException("LocalS3: S3Mock failed to start: " + e.getMessage(), e);
        }
        int port = ctx.getBean(S3MockApplication.class).getHttpPort();
        return new S3MockServer(ctx, port, folder, !retainFiles, quietened);
    }

    private static List<Logger> quietTomcat() {
        List<Logger> loggers = new ArrayList<>();
        for (Map.Entry<String, Level> e : NOISY_JUL_LOGGERS.entrySet()) {
            Logger logger = Logger.getLogger(e.getKey());
            if (logger.getLevel() == null) {
                logger.setLevel(e.getValue());
            }
            loggers.add(logger);
        }
        return loggers;
    }

    /** For tests: the names of the embedded application's beans of a type. */
    String[] beanNames(Class<?> type) {
        return context.getBeanNamesForType(type);
    }

    /** @return the local HTTP port */
    public int httpPort() {
        return httpPort;
    }

    /** @return the folder the objects are stored in */
    public Path root() {
        return root;
    }

    /** Stops the server and, unless files are retained, deletes its folder. */
    @Override
    public void close() {
        try {
            context.close();
        } finally {
            if (deleteRoot) {
                deleteRecursively(root);
            }
        }
        quietened.size(); // keep the references reachable until the server is gone
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("LocalS3: cannot delete " + folder, e);
        }
    }
}
