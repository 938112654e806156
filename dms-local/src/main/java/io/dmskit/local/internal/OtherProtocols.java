package io.dmskit.local.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests in the AWS protocols this endpoint does not serve, recognised so that they get AWS's unknown-operation
 * error in their own protocol instead of reaching S3: Smithy RPC v2 CBOR ({@code smithy-protocol: rpc-v2-cbor},
 * {@code POST /service/<Service>/operation/<Operation>}, what CloudWatch speaks to current CLIs and SDKs) and the
 * AWS query protocol (a form {@code POST} with {@code Action=...}).
 */
final class OtherProtocols {

    private static final Pattern RPC_V2_PATH = Pattern.compile("/service/([^/]+)/operation/([^/?]+)");

    private OtherProtocols() {
    }

    /** @return true when the request was one of them and has been answered */
    static boolean answer(HttpExchange exchange) throws IOException {
        String smithy = exchange.getRequestHeaders().getFirst("smithy-protocol");
        Matcher m = RPC_V2_PATH.matcher(exchange.getRequestURI().getRawPath());
        if (smithy != null || (m.matches() && "POST".equals(exchange.getRequestMethod()))) {
            String op = m.matches() ? m.group(1) + "." + m.group(2) : exchange.getRequestURI().getRawPath();
            byte[] body = cborError("UnknownOperationException", "dms-local does not serve " + op
                    + " (Smithy RPC v2 CBOR)");
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
            send(exchange, 400, "application/cbor", body, "UnknownOperationException");
            return true;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if ("POST".equals(exchange.getRequestMethod()) && type != null
                && type.startsWith("application/x-www-form-urlencoded")) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Optional<String> action = java.util.Arrays.stream(form.split("&")).filter(p -> p.startsWith("Action="))
                    .map(p -> p.substring("Action=".length())).findFirst();
            String requestId = UUID.randomUUID().toString();
            String xml = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>dms-local"
                    + " does not serve the query-protocol action " + escape(action.orElse("(none)"))
                    + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
            send(exchange, 400, "text/xml", xml.getBytes(StandardCharsets.UTF_8), null);
            return true;
        }
        return false;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A CBOR map of two text strings: {@code {"__type": code, "message": message}}. */
    static byte[] cborError(String code, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xa2); // map, 2 pairs
        text(out, "__type");
        text(out, code);
        text(out, "message");
        text(out, message);
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int major = 0x60; // text string
        if (b.length < 24) {
            out.write(major | b.length);
        } else if (b.length < 256) {
            out.write(major | 24);
            out.write(b.length);
        } else {
            out.write(major | 25);
            out.write((b.length >> 8) & 0xff);
            out.write(b.length & 0xff);
        }
        out.write(b, 0, b.length);
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
