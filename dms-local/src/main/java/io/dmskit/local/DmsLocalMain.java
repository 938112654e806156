package io.dmskit.local;

import io.dmskit.testkit.Timings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code bin/dms-local} command (and the runnable jar's main class): starts a {@link DmsLocalServer} and serves
 * until interrupted.
 *
 * <pre>
 * dms-local [--port N] [--data-dir D] [--reset] [--no-engine] [--realistic-timings]
 * </pre>
 */
public final class DmsLocalMain {

    /** The port when none is given (the one LocalStack made familiar). */
    public static final int DEFAULT_PORT = 4566;

    private static final String USAGE = String.join("\n",
            "Usage: dms-local [--port N] [--data-dir D] [--reset] [--no-engine] [--realistic-timings]",
            "  --port N             port on 127.0.0.1 (default " + DEFAULT_PORT + "; 0 = any free port)",
            "  --data-dir D         keep state in D (journal of requests, S3 objects) across restarts",
            "  --reset              clear D's state before starting",
            "  --no-engine          tasks do not replicate (FakeDms's scripted data plane)",
            "  --realistic-timings  DMS-like transition delays instead of instant ones");

    private DmsLocalMain() {
    }

    /**
     * Parses the arguments, starts the server, prints its endpoint and waits until the process is stopped.
     *
     * @param args the command line
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        DmsLocalServer.Builder b;
        try {
            b = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dms-local: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (b == null) {
            System.out.println(USAGE);
            return;
        }
        DmsLocalServer server = b.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "dms-local-shutdown"));
        printBanner(server, System.out);
        stopped.await();
    }

    /**
     * {@return the configured builder, or null when help was asked for}
     *
     * @param args the command line
     * @throws IllegalArgumentException listing every bad argument
     */
    static DmsLocalServer.Builder parse(String[] args) {
        DmsLocalServer.Builder b = DmsLocalServer.builder().port(DEFAULT_PORT);
        List<String> problems = new ArrayList<>();
        boolean reset = false;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--port" -> {
                    if (i + 1 >= args.length) {
                        problems.add("--port needs a number");
                        break;
                    }
                    try {
                        b.port(Integer.parseInt(args[++i]));
                    } catch (IllegalArgumentException e) {
                        problems.add("--port: " + (e instanceof NumberFormatException ? "not a number: " + args[i]
                                : e.getMessage()));
                    }
                }
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        problems.add("--data-dir needs a folder");
                        break;
                    }
                    dataDir = Path.of(args[++i]);
                }
                case "--reset" -> reset = true;
                case "--no-engine" -> b.localEngine(false);
                case "--realistic-timings" -> b.timings(Timings.realistic());
                default -> problems.add("unknown argument '" + a + "'");
            }
        }
        if (reset && dataDir == null) {
            problems.add("--reset needs --data-dir");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return b.dataDir(dataDir).resetDataDir(reset);
    }

    /**
     * Prints the endpoint and AWS CLI commands to try.
     *
     * @param server a running server
     * @param out where to print
     */
    public static void printBanner(DmsLocalServer server, PrintStream out) {
        String url = server.endpoint().toString();
        out.println("dms-local: DMS, Secrets Manager and S3 on " + url
                + server.dataDir().map(d -> " (state in " + d + ")").orElse(""));
        out.println("Try (any credentials, e.g. AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test):");
        out.println("  aws dms describe-replication-tasks --endpoint-url " + url + " --region us-east-1");
        out.println("  aws dms describe-endpoints --endpoint-url " + url + " --region us-east-1");
        out.println("  aws secretsmanager list-secrets --endpoint-url " + url + " --region us-east-1");
        out.println("  aws s3 ls --endpoint-url " + url + " --region us-east-1");
        out.flush();
    }
}
