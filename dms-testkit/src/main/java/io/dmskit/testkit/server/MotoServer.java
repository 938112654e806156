package io.dmskit.testkit.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code moto_server} process (the Python moto library's stand-alone AWS emulator) on a free local port, for tests
 * that want a second, independent implementation of the AWS APIs next to the in-JVM fakes.
 *
 * <pre>{@code
 * assumeTrue(MotoServer.isAvailable(), MotoServer.unavailableReason());
 * try (MotoServer moto = MotoServer.start();
 *      DmsSandbox.Remote aws = DmsSandbox.forEndpoint(moto.endpoint())) {
 *     aws.dms().describeEndpoints();
 * }
 * }</pre>
 *
 * <p>The executable is looked up in the environment variable {@code DMSKIT_MOTO_SERVER} (a path) and then on the
 * {@code PATH}. The server binds to {@code 127.0.0.1} only. Its output goes to a temporary log file, quoted in the
 * exception when it fails to start, and deleted on {@link #close()}. Use {@link #reset()} between tests for a clean
 * state without a restart (it takes about half a second to start).
 *
 * <p>Remember moto's gaps for DMS (no {@code ready} state for tasks, no table statistics, no modify, HTTP 500 for
 * unimplemented operations) and its ISO timestamps, which {@link MotoTimestampInterceptor} makes readable.
 */
public final class MotoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MotoServer.class);
    /** The executable name looked up on the PATH. */
    public static final String EXECUTABLE = "moto_server";
    /** Environment variable that may name the executable explicitly. */
    public static final String ENV_EXECUTABLE = "DMSKIT_MOTO_SERVER";
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** {@return whether a {@code moto_server} executable can be found} */
    public static boolean isAvailable() {
        return executable().isPresent();
    }

    /** {@return a sentence saying why moto is not available, for {@code Assumptions.assumeTrue(..., reason)}} */
    public static String unavailableReason() {
        return isAvailable() ? "moto_server is available"
                : "moto_server is not installed: neither $" + ENV_EXECUTABLE + " nor the PATH has it"
                        + " (pip install 'moto[server]')";
    }

    /** {@return the {@code moto_server} executable, from {@code $DMSKIT_MOTO_SERVER} or the PATH} */
    public static Optional<Path> executable() {
        String explicit = System.getenv(ENV_EXECUTABLE);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, EXECUTABLE);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts {@code moto_server} on a free port of 127.0.0.1 and waits until it answers (at most 30 s).
     *
     * @return the running server
     * @throws IllegalStateException when moto_server is missing or does not come up (with its output)
     */
    public static MotoServer start() {
        return start(DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts {@code moto_server} on a free port of 127.0.0.1 and waits until it answers.
     *
     * @param timeout how long to wait for the server to answer
     * @return the running server
     * @throws IllegalStateException when moto_server is missing or does not come up (with its output)
     */
    public static MotoServer start(Duration timeout) {
        return start(executable().orElseThrow(() -> new IllegalStateException(unavailableReason())), timeout);
    }

    /**
     * Starts a given {@code moto_server} executable on a free port of 127.0.0.1 and waits until it answers.
     *
     * @param exe the executable (it is called with {@code -H 127.0.0.1 -p <port>})
     * @param timeout how long to wait for the server to answer
     * @return the running server
     * @throws IllegalStateException when it exits early or does not answer in time (with its output)
     */
    public static MotoServer start(Path exe, Duration timeout) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between probe and bind
            try {
                return startOnce(exe, freePort(), timeout);
            } catch (PortTakenException e) {
                last = new IllegalStateException(e.getMessage());
            }
        }
        throw last;
    }

    private static MotoServer startOnce(Path exe, int port, Duration timeout) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("dmskit-moto-", ".log");
            ProcessBuilder pb = new ProcessBuilder(exe.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + exe, e);
        }
        try {
            return awaitReady(process, port, log, timeout);
        } catch (RuntimeException e) {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            throw e;
        }
    }

    private static MotoServer awaitReady(Process process, int port, Path log, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long t0 = System.nanoTime();
        while (true) {
            if (!process.isAlive()) {
                String output = read(log);
                delete(log);
                if (output.contains("Address already in use")) {
                    throw new PortTakenException("moto_server could not bind port " + port);
                }
                throw new IllegalStateException("moto_server exited with code " + process.exitValue()
                        + " before answering on port " + port + ". Output:\n" + output);
            }
            if (answers(port)) {
                LOG.info("moto_server started on http://127.0.0.1:{} in {} ms (pid {})", port,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), process.pid());
                return new MotoServer(process, port, log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                String output = read(log);
                delete(log);
                throw new IllegalStateException("moto_server did not answer on port " + port + " within "
                        + timeout.toMillis() + " ms. Output:\n" + output);
            }
            pause(Duration.ofMillis(50));
        }
    }

    /** {@return {@code http://127.0.0.1:<port>}} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** {@return the local port} */
    public int port() {
        return port;
    }

    /** {@return whether the process is still running} */
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Forgets every resource of every service ({@code POST /moto-api/reset}).
     *
     * @throws IllegalStateException when moto does not confirm
     */
    public void reset() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setConnectTimeout(2000);
            c.setReadTimeout(10000);
            int code = c.getResponseCode();
            c.disconnect();
            if (code != 200) {
                throw new IllegalStateException("moto_server reset answered HTTP " + code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto_server reset failed on " + endpoint(), e);
        }
    }

    /** {@return what the server printed so far (request log, errors)} */
    public String output() {
        return read(log);
    }

    /** Stops the process (gracefully, then forcibly after 5 s) and deletes its log. */
    @Override
    public void close() {
        if (process.isAlive()) {
            // a wrapper script may have started the Python process as a child: stop what this server started
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            LOG.info("moto_server on port {} stopped", port);
        }
        delete(log);
    }

    @Override
    public String toString() {
        return "MotoServer[" + endpoint() + (process.isAlive() ? "" : ", stopped") + "]";
    }

    private static boolean answers(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/moto-api/")
                    .toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            c.disconnect();
            return code == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free local port", e);
        }
    }

    private static String read(Path log) {
        try {
            List<String> lines = Files.exists(log)
                    ? Files.readAllLines(log, StandardCharsets.UTF_8) : new ArrayList<>();
            int from = Math.max(0, lines.size() - 200);
            return String.join("\n", lines.subList(from, lines.size()));
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", log, e);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for moto_server", e);
        }
    }

    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
