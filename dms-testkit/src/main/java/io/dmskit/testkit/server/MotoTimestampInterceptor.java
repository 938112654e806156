package io.dmskit.testkit.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Makes the JSON timestamps of moto (and other emulators that write Python's {@code datetime.isoformat()}) readable by
 * the AWS SDK for Java v2.
 *
 * <p>moto answers, for example, {@code "ReplicationTaskCreationDate": "2026-11-21T04:55:22.870262"}; the SDK's
 * awsJson unmarshaller accepts at most 20 characters for a timestamp string and fails with
 * {@code SdkClientException: Unable to unmarshall response (Input timestamp string must be no longer than 20
 * characters)}. This interceptor rewrites such values, in responses of the JSON protocols only (requests that carry
 * {@code X-Amz-Target}; S3 objects are never touched) and only for members whose name says
 * they hold a time ({@code …Date}, {@code …Time}, {@code …Timestamp}, {@code …At}, {@code ValidFrom},
 * {@code ValidTo}), into epoch seconds ({@code 1795236922.870262}), which the SDK reads exactly. Values without a
 * zone are taken as UTC (moto uses UTC). Responses that do not need it pass through untouched.
 *
 * <p>Register it with {@code .overrideConfiguration(c -> c.addExecutionInterceptor(new MotoTimestampInterceptor()))};
 * {@code DmsSandbox.forEndpoint(URI)} does so. Stateless and thread-safe.
 */
public final class MotoTimestampInterceptor implements ExecutionInterceptor {

    private static final Pattern ISO_MEMBER = Pattern.compile(
            "(\"(?:[A-Za-z0-9_]*(?:Date|Time|Timestamp|At)|ValidFrom|ValidTo)\"\\s*:\\s*)"
                    + "\"(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?\"");

    /** Creates the interceptor. */
    public MotoTimestampInterceptor() {
        // stateless
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes executionAttributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty()) {
            return body;
        }
        // Only the JSON protocols (awsJson: DMS, Secrets Manager) name the operation in X-Amz-Target; moto answers
        // them with Content-Type text/html, so the response header cannot tell. S3 bodies are never touched.
        if (context.httpRequest().firstMatchingHeader("X-Amz-Target").isEmpty()) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = body.get()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the response body", e);
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        String rewritten = rewrite(json);
        return Optional.of(new ByteArrayInputStream(
                rewritten == json ? bytes : rewritten.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Rewrites ISO-8601 timestamp members of a JSON document into epoch seconds.
     *
     * @param json a JSON document
     * @return the rewritten document, or the same instance when nothing needed rewriting
     */
    public static String rewrite(String json) {
        Matcher m = ISO_MEMBER.matcher(json);
        if (!m.find()) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + epochSeconds(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String epochSeconds(Matcher m) {
        String fraction = m.group(4) == null ? "" : m.group(4);
        LocalDateTime local = LocalDateTime.parse(m.group(2) + "T" + m.group(3) + fraction);
        String zone = m.group(5);
        ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC
                : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
        OffsetDateTime t = local.atOffset(offset);
        BigDecimal seconds = BigDecimal.valueOf(t.toEpochSecond())
                .add(BigDecimal.valueOf(t.getNano(), 9))
                .stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0).toPlainString() : seconds.toPlainString();
    }
}
