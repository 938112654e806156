package io.dmskit.engine.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * An output stream that becomes one S3 object: small objects go up with one PutObject when closed; large ones as a
 * multipart upload whose parts are sent in the background while the stream is still being written, so that a full
 * load overlaps reading the source with uploading.
 */
final class S3StreamingUpload extends OutputStream {

    static final int PART_SIZE = 8 * 1024 * 1024;
    private static final int PARTS_IN_FLIGHT = 3;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final String contentEncoding;
    private final ExecutorService executor;
    private final Semaphore inFlight = new Semaphore(PARTS_IN_FLIGHT);
    private final List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream(PART_SIZE + 64 * 1024);
    private String uploadId;
    private long bytes;
    private boolean done;

    S3StreamingUpload(S3Client s3, String bucket, String key, String contentType, String contentEncoding,
                      ExecutorService executor) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.contentEncoding = contentEncoding;
        this.executor = executor;
    }

    @Override
    public void write(int b) {
        buffer.write(b);
        bytes++;
        maybeSendPart();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
        bytes += len;
        maybeSendPart();
    }

    private void maybeSendPart() {
        if (buffer.size() >= PART_SIZE) {
            sendPart();
        }
    }

    private void sendPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)
                    .contentEncoding(contentEncoding)).uploadId();
        }
        byte[] part = buffer.toByteArray();
        buffer = new ByteArrayOutputStream(PART_SIZE + 64 * 1024);
        int number = parts.size() + 1;
        inFlight.acquireUninterruptibly();
        parts.add(CompletableFuture.supplyAsync(() -> {
            try {
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        RequestBody.fromBytes(part)).eTag();
                return CompletedPart.builder().partNumber(number).eTag(etag).build();
            } finally {
                inFlight.release();
            }
        }, executor));
    }

    /** @return bytes written */
    long size() {
        return bytes;
    }

    /** Completes the object: the last part and CompleteMultipartUpload, or one PutObject. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        if (uploadId == null) {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType)
                    .contentEncoding(contentEncoding).build(), RequestBody.fromBytes(buffer.toByteArray()));
            buffer = null;
            return;
        }
        if (buffer.size() > 0) {
            sendPart();
        }
        buffer = null;
        try {
            List<CompletedPart> completed = new ArrayList<>();
            for (CompletableFuture<CompletedPart> f : parts) {
                completed.add(f.join());
            }
            completed.sort(Comparator.comparing(CompletedPart::partNumber));
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed)));
        } catch (CompletionException e) {
            abort();
            throw e.getCause() instanceof RuntimeException re ? re : e;
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Abandons the object: nothing becomes visible. */
    void abort() {
        done = true;
        buffer = null;
        if (uploadId != null) {
            for (CompletableFuture<CompletedPart> f : parts) {
                f.handle((r, e) -> null).join();
            }
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (software.amazon.awssdk.core.exception.SdkException ignored) {
                // best effort
            }
        }
    }

    @Override
    public void flush() throws IOException {
        // parts are cut by size; nothing to flush early
    }
}
