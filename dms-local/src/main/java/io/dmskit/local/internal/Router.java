package io.dmskit.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler of the endpoint: a request with {@code X-Amz-Target} goes to the JSON protocol service whose
 * prefix it names (an unknown prefix or operation gets AWS's {@code UnknownOperationException}); any other request is
 * S3's and is forwarded to the S3 server. The region is the one in the SigV4 credential scope; credentials are not
 * checked.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]*/\\d{8}/([^/,\\s]+)/");
    private static final String DEFAULT_REGION = "us-east-1";

    private final LocalCloud cloud;
    private final List<Binding> services;
    private final S3Proxy s3;
    private final Journal journal;
    private final Runnable beforeCall;
    private final Supplier<Instant> now;
    private final Object journalLock = new Object();
    private final Runnable afterFirstAnswer;
    private final java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * A served JSON protocol service and how a region's backing client is found.
     *
     * @param service the service
     * @param client the backing client of a region
     */
    record Binding(JsonService service, java.util.function.Function<LocalCloud.Region, Object> client) {
    }

    /**
     * @param cloud the per-region fakes
     * @param services the JSON protocol services
     * @param s3 the S3 server's endpoint (started on first use)
     * @param journal where state-changing requests are recorded, or null
     * @param beforeCall run before each call (moves the clock)
     * @param now the time journal entries are stamped with
     * @param afterFirstAnswer run once, after the first JSON request has been answered
     */
    Router(LocalCloud cloud, List<Binding> services, Supplier<java.net.URI> s3, Journal journal,
           Runnable beforeCall, Supplier<Instant> now, Runnable afterFirstAnswer) {
        this.afterFirstAnswer = afterFirstAnswer;
        this.cloud = cloud;
        this.services = List.copyOf(services);
        this.s3 = new S3Proxy(s3);
        this.journal = journal;
        this.beforeCall = beforeCall;
        this.now = now;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target == null) {
                if (OtherProtocols.answer(exchange)) {
                    return;
                }
                try {
                    s3.forward(exchange);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("dms-local: S3 request {} {} failed: {}", exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawPath(), e.toString());
                    byte[] xml = ("<Error><Code>InternalError</Code><Message>dms-local could not forward the request"
                            + " to S3</Message></Error>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    try {
                        send(exchange, 500, "application/xml", xml, null);
                    } catch (IOException | RuntimeException alreadyAnswering) {
                        LOG.debug("dms-local: could not answer the failed S3 request", alreadyAnswering);
                    }
                }
                return;
            }
            String contentType = "application/x-amz-json-1.1";
            try {
                Binding binding = services.stream().filter(b -> b.service().operationOf(target).isPresent())
                        .findFirst().orElseThrow(() -> new LocalAwsException(new AwsError(400,
                                "UnknownOperationException", "dms-local does not serve the target '" + target + "'")));
                contentType = binding.service().contentType();
                String operation = binding.service().operationOf(target).orElseThrow();
                JsonNode body = readJson(exchange.getRequestBody());
                String region = regionOf(exchange);
                JsonNode response = call(binding, region, operation, body);
                send(exchange, 200, contentType, AwsJson.MAPPER.writeValueAsBytes(response), null);
                if (answered.compareAndSet(false, true)) {
                    afterFirstAnswer.run();
                }
            } catch (LocalAwsException e) {
                reply(exchange, e.error(), contentType);
            } catch (RuntimeException e) {
                LOG.warn("dms-local: {} failed", target, e);
                reply(exchange, AwsError.from(e), contentType);
            }
        }
    }

    /**
     * Calls an operation as a request would, without HTTP (journal replay).
     *
     * @param binding the service
     * @param region the region
     * @param operation the operation
     * @param body the request JSON
     * @param record whether to journal it
     * @return the response JSON
     */
    JsonNode call(Binding binding, String region, String operation, JsonNode body, boolean record) {
        if (record) {
            beforeCall.run(); // a replayed request keeps the time the journal gives it
        }
        Object client = binding.client().apply(cloud.region(region));
        if (!record || journal == null || !binding.service().journaled().test(operation)) {
            return binding.service().invoke(client, operation, body);
        }
        synchronized (journalLock) { // the journal's order is the order the fakes applied the requests in
            JsonNode response = binding.service().invoke(client, operation, body);
            journal.append(new Journal.Entry(now.get(), binding.service().name(), region, operation, body));
            return response;
        }
    }

    private JsonNode call(Binding binding, String region, String operation, JsonNode body) {
        return call(binding, region, operation, body, true);
    }

    /**
     * Replays a journal: every entry as its request was, in order, at its time; failures are logged and skipped.
     *
     * @param entries the entries
     * @param at sets the clock to an entry's time
     * @return how many entries replayed successfully
     */
    public int replay(List<Journal.Entry> entries, java.util.function.Consumer<Instant> at) {
        int ok = 0;
        for (Journal.Entry e : entries) {
            Optional<Binding> binding = services.stream().filter(b -> b.service().name().equals(e.service()))
                    .findFirst();
            if (binding.isEmpty()) {
                LOG.warn("dms-local: journal names an unknown service {}", e.service());
                continue;
            }
            at.accept(e.time());
            try {
                call(binding.get(), e.region(), e.operation(), e.request(), false);
                ok++;
            } catch (LocalAwsException ex) {
                LOG.warn("dms-local: replaying {} {} failed: {}", e.service(), e.operation(), ex.getMessage());
            }
        }
        return ok;
    }

    private static JsonNode readJson(InputStream in) {
        try {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return AwsJson.MAPPER.createObjectNode();
            }
            return AwsJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new LocalAwsException(new AwsError(400, "SerializationException",
                    "The request body is not JSON: " + e.getMessage()));
        }
    }

    static String regionOf(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            Matcher m = SCOPE.matcher(auth);
            if (m.find()) {
                return m.group(1);
            }
        }
        return DEFAULT_REGION;
    }

    private static void reply(HttpExchange exchange, AwsError error, String contentType) throws IOException {
        send(exchange, error.status(), contentType, AwsJson.MAPPER.writeValueAsBytes(error.body()), error.code());
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body, String errorType)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
