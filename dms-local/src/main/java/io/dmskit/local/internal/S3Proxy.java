package io.dmskit.local.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Forwards S3 requests (path-style) to the in-process S3 server as they came: method, path, query, headers and body
 * streamed both ways; nothing is rewritten but the host.
 */
final class S3Proxy {

    /** Headers the JDK's HTTP client sets itself (or refuses), and hop-by-hop headers. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private final Supplier<URI> target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** @param target the S3 server's endpoint, resolved (and the server started) on the first request */
    S3Proxy(Supplier<URI> target) {
        this.target = target;
    }

    void forward(HttpExchange exchange) throws IOException {
        URI base = target.get();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        URI uri = URI.create(base.toString().replaceAll("/$", "") + exchange.getRequestURI().getRawPath()
                + (rawQuery == null ? "" : "?" + rawQuery));
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        HttpRequest.BodyPublisher body;
        if (length != null && Long.parseLong(length.trim()) > 0) {
            body = HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody), Long.parseLong(length.trim()));
        } else if (exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
            body = HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody);
        } else {
            body = HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(exchange.getRequestMethod(), body)
                .timeout(Duration.ofMinutes(10));
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            if (NOT_FORWARDED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            for (String v : h.getValue()) {
                try {
                    request.header(h.getKey(), v);
                } catch (IllegalArgumentException restricted) {
                    // a header the JDK client manages itself
                }
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to S3", e);
        }
        String contentLength = null;
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("content-length")) {
                contentLength = h.getValue().get(0);
                continue;
            }
            if (name.startsWith(":") || NOT_FORWARDED.contains(name) || name.equals("date")) {
                continue;
            }
            exchange.getResponseHeaders().put(h.getKey(), h.getValue());
        }
        int status = response.statusCode();
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        try (InputStream in = response.body()) {
            if (head || status == 204 || status == 304) {
                if (head && contentLength != null) {
                    exchange.getResponseHeaders().set("Content-Length", contentLength);
                }
                exchange.sendResponseHeaders(status, -1);
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            long n = contentLength == null ? 0 : Long.parseLong(contentLength.trim());
            exchange.sendResponseHeaders(status, contentLength == null ? 0 : n == 0 ? -1 : n);
            try (OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        }
    }
}
