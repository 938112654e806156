package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import io.dmskit.testkit.internal.s3.S3MockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3-compatible server in the same JVM, over real HTTP on a random local port, with no Docker: Adobe S3Mock
 * embedded, path-style addressing, objects in a temporary folder that is deleted on {@link #stop()}.
 *
 * <pre>{@code
 * try (LocalS3 s3 = LocalS3.started()) {
 *     s3.createBucket("landing");
 *     s3.client().putObject(b -> b.bucket("landing").key("a.csv"), RequestBody.fromString("1,x"));
 *     assertThat(s3.bucket("landing").keys()).containsExactly("a.csv");
 * }
 * }</pre>
 *
 * <p>The server supports ListObjectsV2 (prefix, delimiter, start-after, continuation tokens), ranged GETs (including
 * suffix ranges), multipart uploads, copy, tagging and versioning; see S3Mock for the full list. Clients must use
 * path-style addressing, which {@link #client()} and {@link #clientBuilder()} do.
 *
 * <p>Thread-safe. The first start in a JVM loads Spring Boot, Tomcat and the S3 SDK (several seconds, more on a
 * busy machine); further instances in the same JVM start in about half a second. Share one instance between test
 * classes where possible ({@link DmsSandbox} shares one per JUnit run).
 */
public final class LocalS3 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalS3.class);
    /** S3 bucket naming rules for general purpose buckets (without the IP-address and prefix/suffix exclusions). */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** The access key id of the dummy credentials used by clients of a LocalS3. */
    public static final String ACCESS_KEY_ID = "dmskit-local";
    /** The secret key of the dummy credentials used by clients of a LocalS3 (not a secret). */
    public static final String SECRET_ACCESS_KEY = "dmskit-local-secret";

    private final Path rootFolder;
    private final boolean retainFilesOnExit;
    private final List<String> initialBuckets;
    private final Region region;

    private S3MockServer server;
    private S3Client client;
    private Duration startupTime = Duration.ZERO;

    private LocalS3(Builder b) {
        this.rootFolder = b.rootFolder;
        this.retainFilesOnExit = b.retainFilesOnExit;
        this.initialBuckets = List.copyOf(b.initialBuckets);
        this.region = Region.of(b.region);
    }

    /** {@return a LocalS3 with default settings, not started yet} */
    public static LocalS3 create() {
        return builder().build();
    }

    /** {@return a LocalS3 with default settings, already started} */
    public static LocalS3 started() {
        return create().start();
    }

    /** {@return a builder for a LocalS3 with a fixed folder, initial buckets or another region} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server if it is not running. Idempotent.
     *
     * @return this
     * @throws IllegalStateException when S3Mock cannot start
     */
    public synchronized LocalS3 start() {
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        server = S3MockServer.start(rootFolder, retainFilesOnExit, initialBuckets, region.id());
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("LocalS3 started on {} in {} ms", endpoint(), startupTime.toMillis());
        return this;
    }

    /** {@return whether the server is running} */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the server, closes {@link #client()} and deletes the object folder (unless retained). Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            if (client != null) {
                client.close();
            }
            server.close();
            LOG.info("LocalS3 on port {} stopped", server.httpPort());
        } finally {
            client = null;
            server = null;
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** {@return {@code http://127.0.0.1:<port>}} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** {@return the local HTTP port} */
    public synchronized int port() {
        return running().httpPort();
    }

    /** {@return the region the server and its clients use ({@code us-east-1} by default)} */
    public Region region() {
        return region;
    }

    /** {@return the folder that holds the objects} */
    public synchronized Path rootFolder() {
        return running().root();
    }

    /** {@return how long the last {@link #start()} took} */
    public synchronized Duration startupTime() {
        return startupTime;
    }

    /**
     * The client of this server: path-style, dummy credentials, the server's region, Apache HTTP client. Owned by
     * this LocalS3 (do not close it; {@link #stop()} does).
     *
     * @return a shared client
     */
    public synchronized S3Client client() {
        running();
        if (client == null) {
            client = clientBuilder().build();
        }
        return client;
    }

    /**
     * A client builder preset for this server, for tests that need their own client (other timeouts, interceptors).
     * The caller owns and closes the client it builds.
     *
     * @return a new builder
     */
    public S3ClientBuilder clientBuilder() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                // S3Mock decodes aws-chunked uploads byte by byte: plain uploads without a trailing checksum are
                // about twice as fast (measured by the engine benchmark). Users may turn both back on via newClient.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder());
    }

    /**
     * A client builder preset for this server, customised.
     *
     * @param customizer changes to the preset
     * @return a new client, owned by the caller
     */
    public S3Client newClient(Consumer<S3ClientBuilder> customizer) {
        S3ClientBuilder builder = clientBuilder();
        customizer.accept(builder);
        return builder.build();
    }

    /**
     * Creates a bucket unless it exists.
     *
     * @param name a valid S3 bucket name (3–63 characters: lower-case letters, digits, dots, hyphens)
     * @throws IllegalArgumentException when the name is not a valid bucket name
     */
    public void createBucket(String name) {
        checkBucketName(name);
        try {
            client().createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException e) {
            // already there: buckets on demand are idempotent
        }
    }

    /**
     * A bucket, created if it does not exist yet, with small conveniences for tests.
     *
     * @param name a valid S3 bucket name
     * @return a handle on the bucket
     */
    public Bucket bucket(String name) {
        createBucket(name);
        return new Bucket(name);
    }

    /** {@return the names of all buckets, sorted} */
    public List<String> bucketNames() {
        List<String> names = new ArrayList<>();
        client().listBuckets().buckets().forEach(b -> names.add(b.name()));
        Collections.sort(names);
        return names;
    }

    /**
     * Deletes every object (all versions) in a bucket and the bucket itself; nothing happens if it does not exist.
     *
     * @param name the bucket
     */
    public void deleteBucket(String name) {
        S3Client c = client();
        try {
            new Bucket(name).clear();
            c.deleteBucket(b -> b.bucket(name));
        } catch (NoSuchBucketException e) {
            // gone already
        }
    }

    /** Deletes all buckets and their objects: a clean server without the cost of a restart. */
    public void reset() {
        for (String name : bucketNames()) {
            deleteBucket(name);
        }
    }

    private S3MockServer running() {
        if (server == null) {
            throw new IllegalStateException("LocalS3 is not running: call start() first (or use LocalS3.started())");
        }
        return server;
    }

    private static void checkBucketName(String name) {
        Args.required(name, "LocalS3: bucket name");
        if (!BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("Invalid S3 bucket name '" + name
                    + "': use 3-63 characters, lower-case letters, digits, dots and hyphens, starting and ending"
                    + " with a letter or digit");
        }
    }

    @Override
    public synchronized String toString() {
        return server == null ? "LocalS3[stopped]" : "LocalS3[" + endpoint() + "]";
    }

    /** A bucket of a {@link LocalS3}, with conveniences for tests. Obtained from {@link LocalS3#bucket(String)}. */
    public final class Bucket {
        private final String name;

        private Bucket(String name) {
            this.name = name;
        }

        /** {@return the bucket name} */
        public String name() {
            return name;
        }

        /**
         * Writes an object.
         *
         * @param key the object key
         * @param content UTF-8 text
         * @return this
         */
        public Bucket put(String key, String content) {
            return put(key, content.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Writes an object.
         *
         * @param key the object key
         * @param content the bytes
         * @return this
         */
        public Bucket put(String key, byte[] content) {
            client().putObject(b -> b.bucket(name).key(key), RequestBody.fromBytes(content));
            return this;
        }

        /**
         * {@return the object as UTF-8 text}
         *
         * @param key the object key
         * @throws NoSuchKeyException when there is no such object
         */
        public String getString(String key) {
            return new String(getBytes(key), StandardCharsets.UTF_8);
        }

        /**
         * {@return the object's bytes}
         *
         * @param key the object key
         * @throws NoSuchKeyException when there is no such object
         */
        public byte[] getBytes(String key) {
            return client().getObjectAsBytes(b -> b.bucket(name).key(key)).asByteArray();
        }

        /**
         * {@return whether the object exists}
         *
         * @param key the object key
         */
        public boolean exists(String key) {
            try {
                client().headObject(b -> b.bucket(name).key(key));
                return true;
            } catch (NoSuchKeyException e) {
                return false;
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() == 404) {
                    return false;
                }
                throw e;
            }
        }

        /** {@return all keys, in S3's (UTF-8 binary) order} */
        public List<String> keys() {
            return keys("");
        }

        /**
         * {@return the keys starting with the prefix, in S3's order}
         *
         * @param prefix a key prefix
         */
        public List<String> keys(String prefix) {
            List<String> keys = new ArrayList<>();
            client().listObjectsV2Paginator(b -> b.bucket(name).prefix(prefix)).contents()
                    .forEach(o -> keys.add(o.key()));
            return keys;
        }

        /**
         * {@return the objects starting with the prefix (key, size, ETag, last modified)}
         *
         * @param prefix a key prefix
         */
        public List<S3Object> objects(String prefix) {
            List<S3Object> objects = new ArrayList<>();
            client().listObjectsV2Paginator(b -> b.bucket(name).prefix(prefix)).contents().forEach(objects::add);
            return objects;
        }

        /**
         * Deletes an object; nothing happens if it does not exist.
         *
         * @param key the object key
         */
        public void delete(String key) {
            client().deleteObject(b -> b.bucket(name).key(key));
        }

        /** Deletes all objects of the bucket (every version), keeping the bucket. */
        public void clear() {
            S3Client c = client();
            List<ObjectIdentifier> current = new ArrayList<>();
            c.listObjectsV2Paginator(b -> b.bucket(name)).contents()
                    .forEach(o -> current.add(ObjectIdentifier.builder().key(o.key()).build()));
            deleteAll(c, current);
            List<ObjectIdentifier> versions = new ArrayList<>();
            c.listObjectVersionsPaginator(b -> b.bucket(name)).forEach(page -> {
                page.versions().forEach(v -> versions.add(
                        ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                page.deleteMarkers().forEach(m -> versions.add(
                        ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            });
            deleteAll(c, versions);
        }

        private void deleteAll(S3Client c, List<ObjectIdentifier> ids) {
            for (int i = 0; i < ids.size(); i += 1000) {
                List<ObjectIdentifier> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
                c.deleteObjects(b -> b.bucket(name).delete(Delete.builder().objects(chunk).quiet(true).build()));
            }
        }

        @Override
        public String toString() {
            return "LocalS3.Bucket[" + name + "]";
        }
    }

    /** Settings of a {@link LocalS3}. */
    public static final class Builder {
        private Path rootFolder;
        private boolean retainFilesOnExit;
        private final List<String> initialBuckets = new ArrayList<>();
        private String region = "us-east-1";

        private Builder() {
        }

        /**
         * Sets {@code rootFolder}: where objects are stored (created if needed); default: a new temporary folder.
         *
         * @param folder where objects are stored (created if needed); default: a new temporary folder
         * @return this
         */
        public Builder rootFolder(Path folder) {
            this.rootFolder = folder;
            return this;
        }

        /**
         * Sets {@code retainFilesOnExit}: keep the object folder when the server stops (default false: it is deleted).
         *
         * @param retain keep the object folder when the server stops (default false: it is deleted)
         * @return this
         */
        public Builder retainFilesOnExit(boolean retain) {
            this.retainFilesOnExit = retain;
            return this;
        }

        /**
         * Sets {@code initialBuckets}: buckets to create at start.
         *
         * @param names buckets to create at start
         * @return this
         */
        public Builder initialBuckets(String... names) {
            if (names == null) { // null unsets: no initial buckets
                initialBuckets.clear();
            } else { // null elements are reported by build() with every other invalid name
                initialBuckets.addAll(java.util.Arrays.asList(names));
            }
            return this;
        }

        /**
         * Sets {@code region}: the region of the server and its clients (default {@code us-east-1}).
         *
         * @param region the region of the server and its clients (default {@code us-east-1})
         * @return this
         */
        public Builder region(String region) {
            this.region = region == null ? "us-east-1" : region;
            return this;
        }

        /**
         * {@return a LocalS3, not started}
         *
         * @throws IllegalArgumentException naming every invalid initial bucket name
         */
        public LocalS3 build() {
            List<String> problems = new ArrayList<>();
            for (String name : initialBuckets) {
                try {
                    checkBucketName(name);
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add(e.getMessage());
                }
            }
            if (region.isBlank()) {
                problems.add("region must not be blank");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid LocalS3 settings: " + String.join("; ", problems));
            }
            return new LocalS3(this);
        }
    }
}
